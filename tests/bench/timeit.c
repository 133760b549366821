/* timeit.c: runs commands and reports, for each, its wall time and peak
 * memory. Compiled on the fly by tests/bench/run.sh.
 *
 *   timeit < LIST
 *	LIST has one command a line, its arguments separated by tabs (no
 *	shell). Each runs with stdin and stdout on /dev/null (stderr too,
 *	unless BENCH_STDERR is set); for each, one line is printed:
 *	milliseconds TAB peak RSS in kB TAB exit status.
 *   timeit -1 OUT COMMAND [ARG...]
 *	runs one command, its stdout into the file OUT, stderr left alone,
 *	and prints the same line.
 */
#define _DEFAULT_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double
now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void
run(char **argv, int quiet, const char *out)
{
	struct rusage	ru;
	double		t0, t1;
	pid_t		pid;
	int		status = 0, fd;

	t0 = now_ms();
	if ((pid = fork()) == -1) {
		perror("fork");
		exit(1);
	}
	if (pid == 0) {
		if (quiet && (fd = open("/dev/null", O_RDWR)) != -1) {
			dup2(fd, 0);
			dup2(fd, 1);
			if (getenv("BENCH_STDERR") == NULL)
				dup2(fd, 2);
			close(fd);
		}
		if (out != NULL &&
		    (fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644)) != -1) {
			dup2(fd, 1);
			close(fd);
		}
		execvp(argv[0], argv);
		_exit(127);
	}
	memset(&ru, 0, sizeof ru);
	if (wait4(pid, &status, 0, &ru) == -1) {
		perror("wait4");
		exit(1);
	}
	t1 = now_ms();
	printf("%.3f\t%ld\t%d\n", t1 - t0, ru.ru_maxrss,
	    WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
	fflush(stdout);
}

int
main(int argc, char **argv)
{
	char	*line = NULL, *args[64], *s;
	size_t	 cap = 0;
	ssize_t	 n;
	int	 k;

	if (argc > 3 && strcmp(argv[1], "-1") == 0) {
		run(argv + 3, 0, argv[2]);
		return 0;
	}
	while ((n = getline(&line, &cap, stdin)) != -1) {
		if (n > 0 && line[n - 1] == '\n')
			line[--n] = '\0';
		if (n == 0)
			continue;
		for (k = 0, s = line; k < 63; k++) {
			args[k] = s;
			if ((s = strchr(s, '\t')) == NULL) {
				k++;
				break;
			}
			*s++ = '\0';
		}
		args[k] = NULL;
		run(args, 1, NULL);
	}
	free(line);
	return 0;
}
