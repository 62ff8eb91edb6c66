import Foundation

/// A shared library that puts its own `gvLayout` in front of libgvc's, loaded into the built
/// `trustflow` with `LD_PRELOAD`: a real crash (or exit) inside Graphviz's call, on demand.
public enum PreloadedGraphviz {
    /// Compiles C source that defines `gvLayout` into `directory/name.so`; returns its path.
    public static func library(_ source: String, named name: String, in directory: URL) throws -> String {
        let sourceFile = directory.appendingPathComponent("\(name).c")
        try Data(source.utf8).write(to: sourceFile)
        let library = directory.appendingPathComponent("\(name).so")
        let compiled = try TrustFlowProcess.run(["clang", "-shared", "-fPIC", "-o", library.path, sourceFile.path, "-ldl"],
            in: directory, executable: URL(fileURLWithPath: "/usr/bin/env"))
        guard compiled.status == 0 else { throw CompileFailure(message: compiled.standardError) }
        return library.path
    }

    /// A `gvLayout` that runs `statement` (e.g. `raise(SIGSEGV);`) when the process's command
    /// line contains `trigger`, and hands every other call on to libgvc.
    public static func layout(running statement: String, whenCommandLineContains trigger: String = "") -> String {
        """
        #define _GNU_SOURCE
        #include <dlfcn.h>
        #include <signal.h>
        #include <stdio.h>
        #include <stdlib.h>
        #include <string.h>
        static int deeper(int depth) { volatile char frame[4096]; frame[0] = (char)depth; return deeper(depth + 1) + frame[0]; }
        int gvLayout(void *context, void *graph, const char *engine) {
            char command[8192] = {0};
            FILE *file = fopen("/proc/self/cmdline", "rb");
            size_t length = file ? fread(command, 1, sizeof command - 1, file) : 0;
            if (file) fclose(file);
            for (size_t i = 0; i < length; i++) if (command[i] == 0) command[i] = ' ';
            if (strstr(command, "\(trigger)")) { \(statement) }
            (void)deeper;
            int (*layout)(void *, void *, const char *) = (int (*)(void *, void *, const char *))dlsym(RTLD_NEXT, "gvLayout");
            return layout(context, graph, engine);
        }

        """
    }

    /// The environment for a preloaded run: no Swift backtracer, and sanitizers (in the
    /// sanitizer builds of the tests) that leave the signal to the program.
    public static func environment(_ library: String) -> [String: String] {
        ["LD_PRELOAD": library, "SWIFT_BACKTRACE": "enable=no", "ASAN_OPTIONS": "handle_segv=0:handle_abort=0:detect_leaks=0",
         "TSAN_OPTIONS": "handle_segv=0:handle_abort=0"]
    }

    public struct CompileFailure: Error, CustomStringConvertible {
        public var message: String
        public var description: String { "the preloaded library did not compile: \(message)" }
    }
}
