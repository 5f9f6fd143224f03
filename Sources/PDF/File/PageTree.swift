/// A rectangle in user space, normalised so that x0 ≤ x1 and y0 ≤ y1.
struct Box: Sendable, Equatable {
    var x0: Double, y0: Double, x1: Double, y1: Double

    init(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) {
        self.x0 = min(x0, x1)
        self.x1 = max(x0, x1)
        self.y0 = min(y0, y1)
        self.y1 = max(y0, y1)
    }

    var width: Double { x1 - x0 }
    var height: Double { y1 - y0 }

    static let a4 = Box(0, 0, 595, 842)

    init?(_ object: PDFObject, _ store: ObjectStore) throws(PDFError) {
        guard let a = try store.resolve(object).array, a.count == 4 else { return nil }
        var v: [Double] = []
        for o in a {
            guard let d = try store.resolve(o).number else { return nil }
            v.append(d)
        }
        self.init(v[0], v[1], v[2], v[3])
        guard width > 0, height > 0, width < 1e6, height < 1e6 else { return nil }
    }
}

/// One page with the attributes it inherits from the page tree.
struct PageInfo {
    var number: Int
    var resources: PDFDict
    var box: Box
    var rotate: Int
    /// Its content streams, in order (several are read as one).
    var contents: [PDFStream]
}

/// The pages of the document, in order, from the catalog's page tree (kids visited once:
/// a node reached twice is a loop; depth is bounded).
enum PageTree {
    static func pages(_ store: ObjectStore) throws(PDFError) -> [PageInfo] {
        guard let root = try store.dict(store.trailer["Root"]) else {
            throw PDFError.malformed("PDF 结构损坏：找不到文档目录（Catalog）", "the PDF is damaged: no document catalog")
        }
        guard let top = root["Pages"] else { throw PDFError.malformed("PDF 没有页面树", "the PDF has no page tree") }
        let limits = store.budget.limits
        struct Inherited {
            var resources: PDFObject?
            var box: PDFObject?
            var crop: PDFObject?
            var rotate: PDFObject?
        }
        var pages: [PageInfo] = []
        var visited = Set<Int>()
        // A stack of (node, inherited, depth), children pushed in reverse to keep order.
        var stack: [(PDFObject, Inherited, Int)] = [(top, Inherited(), 0)]
        while let (nodeObject, inherited, depth) = stack.popLast() {
            guard depth <= limits.maxDepth else { throw PDFError.limit("页面树深度 / page-tree depth", limits.maxDepth) }
            if case .ref(let r) = nodeObject {
                guard visited.insert(r.number).inserted else {
                    throw PDFError.malformed("页面树中有循环引用", "the page tree contains a reference loop")
                }
            }
            guard let node = try store.dict(nodeObject) else { continue }
            var here = inherited
            if let r = node["Resources"] { here.resources = r }
            if let b = node["MediaBox"] { here.box = b }
            if let c = node["CropBox"] { here.crop = c }
            if let r = node["Rotate"] { here.rotate = r }
            if let kids = try store.resolve(node["Kids"]).array, node.name("Type") != "Page" {
                for kid in kids.reversed() { stack.append((kid, here, depth + 1)) }
                continue
            }
            guard pages.count < limits.maxPages else { throw PDFError.limit("页数 / pages", limits.maxPages) }
            let resources = try store.dict(here.resources) ?? PDFDict()
            var box = try here.box.flatMap { (b: PDFObject) throws(PDFError) -> Box? in try Box(b, store) } ?? .a4
            if let c = here.crop, let crop = try Box(c, store) {
                let clipped = Box(max(box.x0, crop.x0), max(box.y0, crop.y0), min(box.x1, crop.x1), min(box.y1, crop.y1))
                if clipped.width > 1, clipped.height > 1 { box = clipped }
            }
            let rotate = ((try store.resolve(here.rotate).int ?? 0) % 360 + 360) % 360
            var contents: [PDFStream] = []
            switch try store.resolve(node["Contents"]) {
            case .stream(let s): contents = [s]
            case .array(let a):
                for o in a { if case .stream(let s) = try store.resolve(o) { contents.append(s) } }
            default: break
            }
            pages.append(PageInfo(number: pages.count + 1, resources: resources, box: box, rotate: rotate, contents: contents))
        }
        return pages
    }
}
