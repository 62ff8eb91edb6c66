#define _GNU_SOURCE
#include "trustflow_spawn.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

int trustflow_cloexec_pipe(int fds[2]) { return pipe2(fds, O_CLOEXEC); }

int trustflow_spawn_close_from(posix_spawn_file_actions_t *actions, int from) {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
    return posix_spawn_file_actions_addclosefrom_np(actions, from);
#else
    (void)actions;
    (void)from;
    return ENOSYS;
#endif
}
