/* t.h: a minimal test harness. Each test file defines functions named
 * test_*; tests/unit/main.c lists them. A failed check prints file:line. */
#ifndef LK_T_H
#define LK_T_H
#include <stdio.h>
#include <string.h>

extern int t_passed, t_failed;
void	t_fail(const char *file, int line, const char *what);

#define T_OK(c) do { if (c) t_passed++; \
	else t_fail(__FILE__, __LINE__, #c); } while (0)
#define T_EQ_INT(a, b) t_eq_int(__FILE__, __LINE__, #a, #b, (a), (b))
#define T_EQ_STR(a, b) t_eq_str(__FILE__, __LINE__, #a, #b, (a), (b))

void	t_eq_int(const char *file, int line, const char *ea, const char *eb,
	    long long a, long long b);
void	t_eq_str(const char *file, int line, const char *ea, const char *eb,
	    const char *a, const char *b);

#endif
