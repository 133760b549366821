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
#define T_EQ_INT(a, b) do { long long t_a = (a), t_b = (b); \
	if (t_a == t_b) t_passed++; else { char t_m[256]; \
	snprintf(t_m, sizeof t_m, "%s == %s (%lld != %lld)", #a, #b, t_a, t_b); \
	t_fail(__FILE__, __LINE__, t_m); } } while (0)
#define T_EQ_STR(a, b) do { const char *t_a = (a), *t_b = (b); \
	if (t_a && t_b && strcmp(t_a, t_b) == 0) t_passed++; else { \
	char t_m[1024]; snprintf(t_m, sizeof t_m, "%s == %s (\"%s\" != \"%s\")", \
	#a, #b, t_a ? t_a : "(null)", t_b ? t_b : "(null)"); \
	t_fail(__FILE__, __LINE__, t_m); } } while (0)

#endif
