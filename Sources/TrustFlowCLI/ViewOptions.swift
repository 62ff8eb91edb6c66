import ArgumentParser
import Glibc
import TrustFlow

/// `--collapse`, `--view`, `--focus`, `--radius` and `--atlas`: the views that keep a big system
/// readable.
struct ViewOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Draw every boundary of this kind as one box and merge the flows between boxes: cluster, node, namespace, "
            + "pod, container, network or generic. With --atlas, the kind that gets a page (default namespace).",
        valueName: "kind"))
    var collapse: String?

    @Option(help: ArgumentHelp(
        "How the overview (--collapse, --atlas's index) is drawn: boxes, matrix (a row and a column per box, each "
            + "cell counting the flows from row to column with their weakest protection and worst finding) or auto "
            + "(the default: boxes while at most \(DiagramView.legibleEdgeLimit) edges join them, else the matrix). boxes or matrix "
            + "without --collapse draw namespaces.",
        valueName: "picture"))
    var view: OverviewPicture?

    @Option(help: ArgumentHelp("Draw only what is within --radius flows of this element.", valueName: "id"))
    var focus: String?

    // Unconditional: "-1" is a value to reject with a reason, not an option ArgumentParser calls missing.
    @Option(parsing: .unconditional, help: ArgumentHelp("How many flows away from --focus to draw (default 1).", valueName: "n"))
    var radius: Int?

    @Option(help: ArgumentHelp(
        "Write an atlas into this directory: index.svg (the model collapsed at --collapse, drawn as --view says) "
            + "linking to one page per boundary, <boundary-id>.svg, whose neighbours link back, and to matrix.svg when "
            + "the index is boxes.",
        valueName: "dir"))
    var atlas: String?

    func validate() throws {
        if let collapse {
            do {
                _ = try DiagramView.boundaryKind(named: collapse)
            } catch {
                throw ValidationError("--collapse: \(error)")
            }
        }
        if radius != nil, focus == nil { throw ValidationError("--radius only applies with --focus ID") }
        if let radius, radius < 0 { throw ValidationError("--radius must be 0 or more, not \(radius)") }
        if focus != nil, collapse != nil { throw ValidationError("--focus and --collapse cannot be combined") }
        if focus != nil, atlas != nil { throw ValidationError("--focus and --atlas cannot be combined") }
        if focus != nil, view != nil { throw ValidationError("--view draws an overview (--collapse, --atlas); it cannot be combined with --focus") }
    }

    /// The checks that need the command's other options.
    func validate(output: String?, format: DiagramFormat?) throws {
        guard atlas != nil else { return }
        if output != nil { throw ValidationError("--atlas writes into its directory; leave out -o") }
        if let format, format != .svg, format != .dot {
            throw ValidationError("--atlas writes SVG pages that link to each other (or their DOT with --format dot)")
        }
    }

    /// The kind `--collapse` names, when it names one.
    var collapseKind: BoundaryKind? { collapse.flatMap { try? DiagramView.boundaryKind(named: $0) } }

    /// The kind the overview collapses: `--collapse`, or namespaces when `--view boxes` or
    /// `--view matrix` asks for an overview without naming one; `nil` for no overview.
    var overviewKind: BoundaryKind? {
        if let collapseKind { return collapseKind }
        return view == .boxes || view == .matrix ? .namespace : nil
    }

    /// The atlas's level: `--collapse`, else namespaces.
    var atlasLevel: BoundaryKind { collapseKind ?? .namespace }

    /// The view the options ask for, checked against the model: exit 2 when it does not fit
    /// (an unknown element, with a "did you mean"); its warnings are printed unless quiet.
    func view(of model: Model, console: Console) throws -> DiagramView {
        let view: DiagramView
        if atlas != nil {
            view = .atlasIndex(level: atlasLevel)
        } else if let focus {
            view = .focus(element: focus, radius: radius ?? DiagramView.defaultRadius)
        } else if let kind = overviewKind {
            view = .collapse(kind)
        } else {
            view = .full
        }
        do {
            try view.check(against: model)
        } catch {
            console.error("--focus: \(error)")
            throw CLIExit.invalidInput
        }
        for warning in view.warnings(for: model) { console.warning(warning) }
        return view
    }

    /// Renders every page of the atlas, then writes them into `directory` (created when
    /// missing), each atomically and only when its bytes change. Nothing is written when a
    /// page fails to render (exit 3).
    func writeAtlas(of model: Model, options: RenderOptions, into directory: String, steps: CommandSteps) throws {
        let console = steps.console
        let pages: [AtlasPage]
        do {
            pages = try AtlasRenderer.render(model, level: atlasLevel, options: options)
        } catch {
            console.error(error.description)
            throw CLIExit.renderingFailed
        }
        console.graphviz(pages.flatMap(\.messages))
        if OutputCheck.isActive {
            OutputCheck.record(checked: pages.count,
                outOfDate: AtlasDirectory(directory).outOfDate(with: pages).map { FileSystem.appending($0, to: directory) })
            return
        }
        if let failure = FileSystem.createDirectory(directory) {
            console.error("cannot create the atlas directory: \(failure)", in: directory)
            throw CLIExit.renderingFailed
        }
        let update: AtlasDirectory.Update
        do {
            update = try AtlasDirectory(directory).update(with: pages)
        } catch {
            console.print([error.diagnostic])
            throw CLIExit.renderingFailed
        }
        for (name, reason) in update.notRemoved.sorted(by: { $0.key < $1.key }) {
            console.warning("cannot remove the stale page: \(reason)", in: FileSystem.appending(name, to: directory))
        }
        if console.verbose {
            for name in update.removed { console.status("removed \(FileSystem.appending(name, to: directory))") }
        }
        let total = "\(pages.count) page\(pages.count == 1 ? "" : "s")"
        let stale = update.removed.count
        let removed = stale == 0 ? "" : ", removed \(stale) stale page\(stale == 1 ? "" : "s")"
        console.status(update.written == 0 && update.removed.isEmpty ? "\(directory) is up to date (\(total))"
            : "wrote \(update.written) of \(total) in \(directory)\(removed)")
    }
}
extension OverviewPicture: ExpressibleByArgument {}
