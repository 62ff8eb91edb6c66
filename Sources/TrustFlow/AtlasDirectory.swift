import Glibc

/// The directory an atlas is written into, and the pages it owns there.
///
/// Every update records the page files it wrote in ``manifestName`` inside the directory, one
/// file name per line. The next update removes the pages that record lists and the new atlas
/// no longer has — the pages of boundaries that were removed or renamed. Files the record
/// does not name are never touched (a directory without a record loses nothing), and only
/// pages of the same format are pruned, so an SVG atlas and a DOT atlas can share a directory.
///
/// The record decides, so it is read defensively: only plain `.svg` and `.dot` file names in
/// the directory count, never a path — a record edited by hand can remove other pages of the
/// directory, never a file outside it — and a record that is not a regular file (a symbolic
/// link, a pipe) is neither read nor followed, but replaced. Two updates of one directory at
/// the same time can lose each other's entries (those pages then stay): do not overlap them.
public struct AtlasDirectory: Sendable {
    /// The record of the pages an atlas wrote, in its directory.
    public static let manifestName = ".trustflow-atlas"
    /// The most a record is read of; a real one holds a line per page.
    static let manifestSizeLimit = 4 << 20

    public var path: String

    /// The atlas directory at `path`, which must exist.
    public init(_ path: String) { self.path = path }

    /// What ``update(with:)`` did.
    public struct Update: Sendable, Equatable {
        /// How many pages were created or replaced (the others already held their bytes).
        public var written: Int
        /// The stale pages removed, by file name.
        public var removed: [String]
        /// Stale pages that could not be removed, with the reason; they stay in the record, so
        /// the next update tries again.
        public var notRemoved: [String: String]
    }

    /// Writes `pages` (each atomically, and only when its bytes change), removes the pages an
    /// earlier atlas of the same format wrote that `pages` no longer has, and records the pages.
    ///
    /// The record is extended with the new pages before any is written, so a page written by
    /// an update that then fails is still known to the next one. A recorded name that is
    /// another spelling of a page just written (on a file system that ignores case) is not
    /// removed.
    /// - Throws: ``OutputError`` when a page or the record cannot be written; the pages
    ///   written before it are complete.
    public func update(with pages: [AtlasPage]) throws(OutputError) -> Update {
        let recorded = Set(recordedPages())
        let current = Set(pages.map(\.fileName))
        if !current.isSubset(of: recorded) { try writeRecord(recorded.union(current)) }
        var written = 0
        for page in pages where try OutputFile.write(page.bytes, to: file(page.fileName)) == .written { written += 1 }
        let (stale, others) = stalePages(recorded: recorded, current: current)
        var record = current.union(others)
        var update = Update(written: written, removed: [], notRemoved: [:])
        for name in stale {
            if unlink(file(name)) == 0 {
                update.removed.append(name)
            } else if errno != ENOENT {
                update.notRemoved[name] = String(cString: strerror(errno))
                record.insert(name)
            }
        }
        if record != recorded { try writeRecord(record) }
        return update
    }

    /// What ``update(with:)`` would change, by file name: the pages that are missing or hold
    /// other bytes, and the stale pages it would remove. Empty when the atlas is up to date.
    public func outOfDate(with pages: [AtlasPage]) -> [String] {
        let changed = pages.filter { !OutputFile.isCurrent($0.bytes, at: file($0.fileName)) }.map(\.fileName)
        let stale = stalePages(recorded: Set(recordedPages()), current: Set(pages.map(\.fileName))).stale
            .filter { FileSystem.exists(file($0)) }
        return (changed + stale).sorted()
    }

    /// The recorded pages the new atlas no longer has, split into those of its format (stale,
    /// to remove; never another spelling of a current page) and another format's (kept in the
    /// record: that atlas owns them).
    private func stalePages(recorded: Set<String>, current: Set<String>) -> (stale: [String], others: Set<String>) {
        let formats = Set(current.map(Self.format(of:)))
        let currentFiles = Set(current.compactMap { identity(of: $0, following: true) })
        var stale: [String] = []
        var others: Set<String> = []
        for name in recorded.sorted() where !current.contains(name) {
            guard formats.contains(Self.format(of: name)) else {
                others.insert(name)
                continue
            }
            if let same = identity(of: name, following: false), currentFiles.contains(same) { continue }
            stale.append(name)
        }
        return (stale, others)
    }

    private func writeRecord(_ names: Set<String>) throws(OutputError) {
        let path = file(Self.manifestName)
        var info = stat()
        if lstat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
            unlink(path)  // the record's own name: never written through a link or into a pipe
        }
        try OutputFile.write(Array(names.sorted().map { $0 + "\n" }.joined().utf8), to: path)
    }

    /// The device and inode of a file in the directory, to tell two spellings of one file apart.
    private func identity(of name: String, following: Bool) -> [UInt64]? {
        var info = stat()
        let found = following ? stat(file(name), &info) : lstat(file(name), &info)
        return found == 0 ? [UInt64(info.st_dev), UInt64(info.st_ino)] : nil
    }

    /// The page file names the directory's record lists, leaving out anything that is not a
    /// plain page name.
    func recordedPages() -> [String] {
        let descriptor = open(file(Self.manifestName), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return [] }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) <= Self.manifestSizeLimit,
            let data = FileSystem.read(descriptor, limit: Self.manifestSizeLimit)
        else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init).filter(Self.isPageName)
    }

    /// A file name an atlas writes: no directory part, not hidden, a `.svg` or `.dot` page.
    static func isPageName(_ name: String) -> Bool {
        guard name.utf8.count <= 255, !name.hasPrefix("."), !name.contains("/"), !name.contains("\0") else { return false }
        return name.hasSuffix(".svg") || name.hasSuffix(".dot")
    }

    private static func format(of name: String) -> String {
        name.split(separator: ".", omittingEmptySubsequences: false).last.map(String.init) ?? ""
    }

    private func file(_ name: String) -> String { path + "/" + name }
}
