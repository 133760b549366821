# leeskamer: a terminal reader for Dutch parliamentary papers.
PREFIX	?= /usr/local
BINDIR	?= $(PREFIX)/bin
MANDIR	?= $(PREFIX)/share/man
DATADIR	?= $(PREFIX)/share/leeskamer
CC	?= cc
CFLAGS	?= -O2 -g
WERROR	?= -Werror
PKGS	= ncursesw sqlite3 libxml-2.0
PKG_CFLAGS != pkg-config --cflags $(PKGS) 2>/dev/null || true
# libxml2 is loaded when an XML file is read (src/xmllib.c): its headers
# only here. ncursesw, SQLite and libunistring are linked in from their
# archives where installed, so that a command starts without resolving
# their symbols (mk/libs.sh; LK_SHARED=1 for shared ones)
LIBS != CC="$(CC)" sh mk/libs.sh
LK_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	-Wall -Wextra $(WERROR) -Isrc -Iui $(PKG_CFLAGS) \
	-DLK_VERSION='"0.1"' -DLK_DATADIR='"$(DATADIR)"' -MMD -MP

CORE_SRC != ls src/*.c | grep -v '^src/main\.c$$'
UI_SRC	!= ls ui/*.c 2>/dev/null || true
CORE_OBJ = $(CORE_SRC:.c=.o)
UI_OBJ	= $(UI_SRC:.c=.o)
TEST_SRC != ls tests/unit/*.c
TEST_OBJ = $(TEST_SRC:.c=.o)

all: leeskamer

leeskamer: src/main.o $(CORE_OBJ) $(UI_OBJ)
	$(CC) $(LDFLAGS) -o $@ src/main.o $(CORE_OBJ) $(UI_OBJ) $(LIBS)

.c.o:
	$(CC) $(LK_CFLAGS) $(CFLAGS) -c -o $@ $<

tests/unit/list.h: $(TEST_SRC)
	sed -n 's/^\(test_[a-z0-9_]*\)(void)$$/T(\1)/p' tests/unit/test_*.c > $@.tmp && mv $@.tmp $@

tests/unit/main.o: tests/unit/list.h

tests/unit/run: $(TEST_OBJ) $(CORE_OBJ) ui/layout.o
	$(CC) $(LDFLAGS) -o $@ $(TEST_OBJ) $(CORE_OBJ) ui/layout.o $(LIBS)

# Installs what the build and the tests need on Debian (apt-get, sudo when not root).
deps:
	@sh mk/deps.sh

check: deps
	@$(MAKE) --no-print-directory leeskamer tests/unit/run
	@sh tests/run.sh

# Benchmarks against sqlite3, grep and less (tests/bench/); bench-quick
# takes under a minute.
bench: deps leeskamer
	@sh tests/bench/run.sh full

bench-quick: deps leeskamer
	@sh tests/bench/run.sh quick

# The bench's browser driver: the browser's objects, without main.o, and
# tests/bench/drive.c. run.sh builds it into its work folder with
# BENCH_DRIVE_DEPS= so that it links the objects ./leeskamer was linked
# from, as they are.
BENCH_DRIVE = bench/drive
BENCH_DRIVE_DEPS = $(CORE_OBJ) $(UI_OBJ)
bench-drive: $(BENCH_DRIVE_DEPS)
	@mkdir -p `dirname $(BENCH_DRIVE)`
	$(CC) $(LK_CFLAGS) $(CFLAGS) -pthread $(LDFLAGS) -o $(BENCH_DRIVE) \
	    tests/bench/drive.c $(CORE_OBJ) $(UI_OBJ) $(LIBS)

# The search's first screen against its ranking (tests/bench/rank.c), on the
# core's objects, built the same way by run.sh and rank.sh.
BENCH_RANK = bench/rank
bench-rank: $(BENCH_DRIVE_DEPS)
	@mkdir -p `dirname $(BENCH_RANK)`
	$(CC) $(LK_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $(BENCH_RANK) \
	    tests/bench/rank.c $(CORE_OBJ) $(LIBS)

run: deps
	@$(MAKE) --no-print-directory leeskamer
	./leeskamer load assets/corpus
	./leeskamer

install: leeskamer
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(DATADIR)/corpus $(DESTDIR)$(DATADIR)/data
	cp leeskamer $(DESTDIR)$(BINDIR)/
	cp man/leeskamer.1 $(DESTDIR)$(MANDIR)/man1/
	cp assets/corpus/* $(DESTDIR)$(DATADIR)/corpus/
	cp assets/data/* $(DESTDIR)$(DATADIR)/data/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/leeskamer $(DESTDIR)$(MANDIR)/man1/leeskamer.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -f leeskamer src/*.o src/*.d ui/*.o ui/*.d tests/unit/*.o tests/unit/*.d tests/unit/run tests/unit/list.h

-include src/*.d ui/*.d tests/unit/*.d

.PHONY: all deps check run bench bench-quick bench-drive bench-rank install uninstall clean
