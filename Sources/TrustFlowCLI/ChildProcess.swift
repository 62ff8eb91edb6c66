internal import CSpawn
import Glibc

/// A program run to its end with `posix_spawn`, its standard output and error collected (both
/// pipes are drained together, so neither can fill up and stall it). Used for the render
/// workers (`trustflow` itself) and for `git`.
enum ChildProcess {
    struct Result {
        /// The exit status, or the signal number when `signaled`.
        var status: Int32
        /// Whether a signal ended the program (it crashed or was killed).
        var signaled: Bool
        var output: [UInt8]
        var error: [UInt8]
    }

    /// Runs `executable` (a path; no PATH search) with `arguments`, in this process's
    /// environment. Standard output is collected when `keepOutput`, else discarded.
    /// - Returns: nil when the program could not be started, with `errno` set.
    static func run(_ executable: String, _ arguments: [String], keepOutput: Bool) -> Result? {
        var outputPipe: [Int32] = [-1, -1]
        var errorPipe: [Int32] = [-1, -1]
        guard openPipe(&errorPipe) else { return nil }
        defer { for end in errorPipe + outputPipe where end >= 0 { close(end) } }
        if keepOutput, !openPipe(&outputPipe) { return nil }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Descriptors 0 to 2 are set up in an order that works even when a pipe end is one of
        // them (this process started with standard streams closed); then every other
        // descriptor is closed, so a child never holds another child's pipe.
        posix_spawn_file_actions_adddup2(&actions, errorPipe[1], 2)
        if keepOutput {
            posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 1)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        _ = trustflow_spawn_close_from(&actions, 3)

        // The child starts with no signal blocked and every signal at its default action.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        var all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard spawned == 0 else {
            errno = spawned
            return nil
        }
        close(errorPipe[1])
        errorPipe[1] = -1
        if keepOutput {
            close(outputPipe[1])
            outputPipe[1] = -1
        }
        let (output, error) = drain(outputPipe[0], errorPipe[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return Result(status: 127, signaled: false, output: output, error: error) }
        }
        // WIFSIGNALED / WTERMSIG / WEXITSTATUS, which Swift does not import (they are macros).
        let signal = status & 0x7f
        return signal != 0 && signal != 0x7f
            ? Result(status: signal, signaled: true, output: output, error: error)
            : Result(status: (status >> 8) & 0xff, signaled: false, output: output, error: error)
    }

    /// A pipe whose ends close on exec (only the copies made for the child stay open there).
    private static func openPipe(_ ends: inout [Int32]) -> Bool {
        ends.withUnsafeMutableBufferPointer { trustflow_cloexec_pipe($0.baseAddress!) } == 0
    }

    /// Reads two pipes (-1: none) to their ends at once.
    private static func drain(_ first: Int32, _ second: Int32) -> ([UInt8], [UInt8]) {
        var collected: [[UInt8]] = [[], []]
        var descriptors = [first, second].map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        var buffer = [UInt8](repeating: 0, count: 65536)
        while descriptors.contains(where: { $0.fd >= 0 }) {
            if poll(&descriptors, nfds_t(descriptors.count), -1) < 0 {
                if errno == EINTR { continue }
                break
            }
            for index in descriptors.indices where descriptors[index].fd >= 0 && descriptors[index].revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(descriptors[index].fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    collected[index] += buffer[0..<count]
                } else if count == 0 || errno != EINTR {
                    descriptors[index].fd = -1  // end of file (poll ignores negative descriptors)
                }
            }
        }
        return (collected[0], collected[1])
    }
}
