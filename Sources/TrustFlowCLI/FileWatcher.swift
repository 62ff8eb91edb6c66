import Glibc
import TrustFlow

/// `--watch`: waits until one of some files is saved again, with Linux's inotify (no
/// dependency, no polling).
///
/// Each file's directory is watched rather than the file: editors save by writing a new file
/// and renaming it over the old one, which a watch on the old file would lose. A save often
/// arrives as several events (create, write, rename), so after the first one the watcher
/// waits until the directory has been quiet for a moment and reports the save once.
final class FileWatcher {
    private let descriptor: Int32
    /// Watch descriptor → directory, and the file names watched in each directory.
    private var directories: [Int32: String] = [:]
    private var names: [String: Set<String>] = [:]

    /// How long the files must be quiet before a change is reported, in milliseconds.
    static let quietPeriod: Int32 = 150

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Watches `files` (paths as the user gave them).
    init(files: [String]) throws(Failure) {
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { throw Failure(description: "cannot watch files: \(String(cString: strerror(errno)))") }
        let events = UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO) | UInt32(IN_CREATE) | UInt32(IN_DELETE) | UInt32(IN_MOVED_FROM)
        for file in files {
            let directory = FileSystem.directory(of: file)
            let watch = inotify_add_watch(descriptor, directory, events)
            guard watch >= 0 else {
                close(descriptor)
                throw Failure(description: "cannot watch \(directory): \(String(cString: strerror(errno)))")
            }
            directories[watch] = directory
            names[directory, default: []].insert(FileSystem.fileName(file))
        }
    }

    deinit { close(descriptor) }

    /// Blocks until a watched file has changed (and the files have been quiet for
    /// ``quietPeriod``); returns the paths that changed, sorted.
    func waitForChange() -> [String] {
        var changed = Set<String>()
        // Wait as long as it takes for the first change, then until things are quiet.
        while true {
            var wait = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&wait, 1, changed.isEmpty ? -1 : FileWatcher.quietPeriod)
            if ready < 0, errno == EINTR { continue }
            if ready <= 0 { return changed.sorted() }
            changed.formUnion(readEvents())
        }
    }

    /// The watched paths named by the events waiting to be read.
    private func readEvents() -> [String] {
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return [] }
        var paths: [String] = []
        var offset = 0
        let header = MemoryLayout<inotify_event>.size
        while offset + header <= count {
            let (watch, length) = buffer.withUnsafeBytes { raw in
                let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                return (event.wd, Int(event.len))
            }
            let nameBytes = buffer[(offset + header)..<min(count, offset + header + length)].prefix { $0 != 0 }
            let name = String(decoding: nameBytes, as: UTF8.self)
            if let directory = directories[watch], names[directory]?.contains(name) == true {
                paths.append(directory == "." ? name : FileSystem.appending(name, to: directory))
            }
            offset += header + length
        }
        return paths
    }
}
