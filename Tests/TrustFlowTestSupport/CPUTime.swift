import Glibc

/// The CPU time a piece of work takes on the calling thread, for tests that check how work
/// grows with input size (linear, not quadratic). Unlike wall time it does not count the time
/// other processes or test threads hold the cores, so a busy CI machine does not make linear
/// work look quadratic. Never used to test a speed target: those are benchmarks.
public enum CPUTime {
    /// Seconds of this thread's CPU time `body` takes, the least of `runs` runs.
    public static func seconds(runs: Int = 3, _ body: () -> Void) -> Double {
        (0..<runs).map { _ in
            let start = now()
            body()
            return now() - start
        }.min()!
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
