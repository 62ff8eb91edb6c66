import Foundation

/// Makes a directory that even root cannot create files in, for the tests of failed writes:
/// permissions for other users, the immutable attribute (`chattr +i`) for root, whom
/// permissions do not stop.
public enum ReadOnlyDirectory {
    /// Runs `body` while `directory` is read-only, then makes it writable again.
    public static func with<Value>(_ directory: URL, _ body: () throws -> Value) throws -> Value {
        if geteuid() == 0 {
            try run("/usr/bin/chattr", "+i", directory.path)
        } else {
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: directory.path)
        }
        defer {
            if geteuid() == 0 {
                try? run("/usr/bin/chattr", "-i", directory.path)
            } else {
                try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path)
            }
        }
        return try body()
    }

    struct CommandFailed: Error, CustomStringConvertible {
        public var description: String
    }

    /// Runs a command; throws when it fails.
    public static func run(_ executable: String, _ arguments: String...) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CommandFailed(description: "\(executable) \(arguments.joined(separator: " ")) failed")
        }
    }
}
