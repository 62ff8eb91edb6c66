/* The crash guard (trustflow_graphviz.h): a located message and an exit status instead of a
 * bare signal when Graphviz crashes. Only async-signal-safe calls run in the handler. */

#include "trustflow_graphviz.h"

#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#define MESSAGE_LIMIT 4096
#define GUARD_STACK_SIZE (256 * 1024)

static const int guarded_signals[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
#define GUARDED_COUNT (sizeof guarded_signals / sizeof *guarded_signals)

static char before_signal[MESSAGE_LIMIT];
static char after_signal[MESSAGE_LIMIT];
static volatile sig_atomic_t exit_status;
static volatile sig_atomic_t report_descriptor = STDERR_FILENO;
static struct sigaction previous[GUARDED_COUNT];
static stack_t previous_stack;
static int armed;
/* Its own stack, so that a stack overflow inside Graphviz is reported too. */
static _Alignas(16) char guard_stack[GUARD_STACK_SIZE];

static const char *signal_name(int number) {
    switch (number) {
    case SIGSEGV: return "SIGSEGV, a bad memory access";
    case SIGBUS: return "SIGBUS, a bad memory access";
    case SIGFPE: return "SIGFPE, an arithmetic error";
    case SIGILL: return "SIGILL, an illegal instruction";
    case SIGABRT: return "SIGABRT, an internal check failed";
    default: return "a signal";
    }
}

static void write_all(const char *text, size_t length) {
    while (length > 0) {
        ssize_t written = write(report_descriptor, text, length);
        if (written <= 0) return;
        text += written;
        length -= (size_t)written;
    }
}

static void on_crash(int number) {
    const char *name = signal_name(number);
    write_all(before_signal, strlen(before_signal));
    write_all(name, strlen(name));
    write_all(after_signal, strlen(after_signal));
    _exit(exit_status);
}

static void copy_message(char *destination, const char *text) {
    size_t length = strlen(text);
    if (length >= MESSAGE_LIMIT) length = MESSAGE_LIMIT - 1;
    memcpy(destination, text, length);
    destination[length] = '\0';
}

void trustflow_crash_guard_arm(const char *before, const char *after, int status, int descriptor) {
    copy_message(before_signal, before);
    copy_message(after_signal, after);
    exit_status = status;
    report_descriptor = descriptor;
    if (armed) return;
    stack_t stack = { .ss_sp = guard_stack, .ss_size = sizeof guard_stack, .ss_flags = 0 };
    sigaltstack(&stack, &previous_stack);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_crash;
    action.sa_flags = SA_ONSTACK | SA_RESETHAND;
    sigfillset(&action.sa_mask);
    for (size_t index = 0; index < GUARDED_COUNT; index++) sigaction(guarded_signals[index], &action, &previous[index]);
    armed = 1;
}

void trustflow_crash_guard_disarm(void) {
    if (!armed) return;
    for (size_t index = 0; index < GUARDED_COUNT; index++) sigaction(guarded_signals[index], &previous[index], NULL);
    sigaltstack(&previous_stack, NULL);
    armed = 0;
}
