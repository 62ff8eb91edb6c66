import Glibc

/// Finds report templates, themes and the JSON Schema by name.
///
/// Looked for, in order: in `$TRUSTFLOW_RESOURCES` (a directory laid out like `Templates/`),
/// in `share/trustflow/` next to the executable's `bin/` (where `make install` puts them),
/// then in the copies built into the binary — so `swift run`, an installed binary and a
/// binary copied on its own all find them. The built-in copies are generated from
/// `Templates/` and a test keeps them identical.
public struct ResourceLocator: Sendable {
    /// Directories searched before the built-in copies, in order.
    public var directories: [String]

    public init(directories: [String]) { self.directories = directories }

    /// The standard search path of this process.
    public static var standard: ResourceLocator {
        var directories: [String] = []
        if let custom = getenv("TRUSTFLOW_RESOURCES").map({ String(cString: $0) }), !custom.isEmpty {
            directories.append(custom)
        }
        if let executable = FileSystem.executablePath {
            let prefix = FileSystem.directory(of: FileSystem.directory(of: executable))
            directories.append(FileSystem.appending("share/trustflow", to: prefix))
        }
        return ResourceLocator(directories: directories)
    }

    /// A resource's text and where it came from, by its path relative to `Templates/`
    /// (e.g. `report.md.mustache`, `themes/mono.json`).
    public func text(_ relativePath: String) -> (text: String, origin: String)? {
        for directory in directories {
            let path = directory + "/" + relativePath
            if let data = try? FileSystem.contents(of: path).get() {
                return (String(decoding: data, as: UTF8.self), path)
            }
        }
        return BuiltInResources.files[relativePath].map { ($0, "built-in \(relativePath)") }
    }

    /// The names of the resources in a folder (e.g. `themes`), from every place searched.
    public func names(in folder: String, extension fileExtension: String) -> [String] {
        var names = Set(BuiltInResources.files.keys.filter { $0.hasPrefix(folder + "/") && $0.hasSuffix("." + fileExtension) }
            .map { String($0.dropFirst(folder.count + 1).dropLast(fileExtension.count + 1)) })
        for directory in directories {
            let contents = FileSystem.names(in: directory + "/" + folder) ?? []
            names.formUnion(contents.filter { $0.hasSuffix("." + fileExtension) }.map { String($0.dropLast(fileExtension.count + 1)) })
        }
        return names.sorted()
    }

    /// Every built-in resource's relative path, sorted.
    public static var builtInNames: [String] { BuiltInResources.files.keys.sorted() }
}
