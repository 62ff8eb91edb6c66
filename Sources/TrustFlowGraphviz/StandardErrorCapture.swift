import Glibc

/// Redirects file descriptor 2 into an anonymous temporary file until ``finish()``, so that
/// what parts of Graphviz print directly to standard error become messages instead of
/// noise on the user's terminal. Only used while holding Graphviz's lock.
struct StandardErrorCapture {
    private let saved: Int32
    /// Where standard error went before the capture (the terminal, a log), until ``finish()``.
    var originalDescriptor: Int32 { saved >= 0 ? saved : STDERR_FILENO }
    private let file: UnsafeMutablePointer<FILE>?

    init() {
        fflush(nil)
        file = tmpfile()
        if let file {
            saved = dup(STDERR_FILENO)
            dup2(fileno(file), STDERR_FILENO)
        } else {
            saved = -1
        }
    }

    /// Restores standard error and returns the non-empty lines written meanwhile.
    func finish() -> [String] {
        guard let file, saved >= 0 else { return [] }
        fflush(nil)
        dup2(saved, STDERR_FILENO)
        close(saved)
        defer { fclose(file) }
        rewind(file)
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n")
            .compactMap(MessageSink.trimmedLine)
    }
}
