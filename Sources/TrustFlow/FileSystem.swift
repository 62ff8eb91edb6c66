import Glibc

/// Paths and directories with the C library alone: the commands' hot paths stay out of
/// Foundation's URL and FileManager code (a run maps every page of code it touches).
/// Paths stay as the user wrote them; nothing is made absolute.
package enum FileSystem {
    /// The directory part of a path: `out/a/b.svg` → `out/a`, `b.svg` → `.`, `/b.svg` → `/`.
    package static func directory(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        var directory = trimmed[..<slash]
        while directory.count > 1, directory.hasSuffix("/") { directory = directory.dropLast() }
        return directory.isEmpty ? "/" : String(directory)
    }

    /// The last component of a path: `dir/model.yaml` → `model.yaml` (trailing slashes ignored).
    package static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// `name` inside `directory`: `out` + `a/b.svg` → `out/a/b.svg`.
    package static func appending(_ name: String, to directory: String) -> String {
        directory.isEmpty ? name : directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// The running program's file, symbolic links resolved, from `/proc/self/exe` (argv[0] is
    /// not trusted: a command found through PATH has only its name there, and a caller can
    /// put anything there); nil without /proc.
    package static var executablePath: String? {
        guard let resolved = realpath("/proc/self/exe", nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The paths of the files below a directory, relative to it, at any depth (symbolic links
    /// to directories are not followed), unsorted.
    package static func files(below directory: String) -> [String] {
        var found: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            for name in names(in: appending(relative, to: directory)) ?? [] {
                let path = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                guard lstat(appending(path, to: directory), &info) == 0 else { continue }
                if info.st_mode & S_IFMT == S_IFDIR { pending.append(path) } else { found.append(path) }
            }
        }
        return found
    }

    /// Whether `path` names a directory (following symbolic links).
    package static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// Whether anything exists at `path` (following symbolic links).
    package static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// The names in a directory, without `.` and `..`, unsorted; nil when it cannot be read.
    package static func names(in directory: String) -> [String]? {
        guard let stream = opendir(directory) else { return nil }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != ".", name != ".." { names.append(name) }
        }
        return names
    }

    /// Reads from an open file until its end or `limit` bytes, retrying after interruptions,
    /// into one buffer sized for the `expected` length (the file's size when it was checked);
    /// nil on a read error (`errno` says which).
    package static func read(_ descriptor: Int32, limit: Int, expected: Int = 0) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: max(0, min(expected + 1, limit)))
        var filled = 0
        while filled < limit {
            if filled == bytes.count { bytes += repeatElement(0, count: min(max(bytes.count, 4096), limit - filled)) }
            let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { break }
            filled += count
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }

    /// Why ``contents(of:limit:)`` read nothing.
    package enum ReadFailure: Error, Equatable {
        case missing
        case directory
        /// Larger than the limit: its size when that was known before reading, nil when it
        /// grew past the limit while being read.
        case tooLarge(size: Int?)
        /// The C library's reason (permission denied, I/O error, ...).
        case unreadable(String)
    }

    /// A whole file's bytes, refused before reading when it is larger than `limit`.
    package static func contents(of path: String, limit: Int = .max) -> Result<[UInt8], ReadFailure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            return .failure(errno == ENOENT || errno == ENOTDIR ? .missing : .unreadable(String(cString: strerror(errno))))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        if info.st_mode & S_IFMT == S_IFDIR { return .failure(.directory) }
        let size = Int(info.st_size)
        if size > limit { return .failure(.tooLarge(size: size)) }
        guard let bytes = read(descriptor, limit: limit == .max ? .max : limit + 1, expected: size) else {
            return .failure(.unreadable(String(cString: strerror(errno))))
        }
        return bytes.count > limit ? .failure(.tooLarge(size: nil)) : .success(bytes)
    }

    /// Creates a directory and its missing parents, as `mkdir -p`.
    /// - Returns: why it failed, or nil.
    package static func createDirectory(_ path: String) -> String? {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component + "/"
            if mkdir(prefix, 0o777) != 0 && errno != EEXIST { return String(cString: strerror(errno)) }
        }
        return isDirectory(path) ? nil : String(cString: strerror(ENOTDIR))
    }
}
