#ifndef TRUSTFLOW_SPAWN_H
#define TRUSTFLOW_SPAWN_H

/* The GNU parts of <spawn.h> and <unistd.h> that Swift's Glibc module does not import
 * (they need _GNU_SOURCE), for starting child processes that inherit no stray descriptor. */

#include <spawn.h>

/* pipe2(fds, O_CLOEXEC): both ends close on exec, atomically (no other thread can start a
 * program between creating the pipe and marking it). Returns 0, or -1 with errno set. */
int trustflow_cloexec_pipe(int fds[2]);

/* posix_spawn_file_actions_addclosefrom_np (glibc 2.34): the child closes every descriptor
 * from `from` up. Returns 0 or an error number (ENOSYS where the C library lacks it). */
int trustflow_spawn_close_from(posix_spawn_file_actions_t *actions, int from);

#endif
