#!/bin/sh
# Builds leeskamer with AddressSanitizer and UBSan into $1 (default /tmp/lk-asan).
out=${1:-/tmp/lk-asan}
mkdir -p "$out/o"
for f in src/*.c ui/*.c; do
	${CC:-cc} -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -DLK_VERSION='"asan"' \
	    -DLK_DATADIR='"/nonexistent"' -Isrc -Iui $(pkg-config --cflags ncursesw libxml-2.0) -g -O1 -fsanitize=address,undefined \
	    -fno-omit-frame-pointer -c "$f" -o "$out/o/$(basename "$f" .c).o" || exit 1
done
${CC:-cc} -fsanitize=address,undefined -o "$out/leeskamer" "$out"/o/*.o \
    $(pkg-config --libs sqlite3 ncursesw libxml-2.0) -lunistring -lpthread
