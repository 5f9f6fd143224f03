#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Model

/// Reads a whole file with POSIX calls, refusing directories and oversized files.
public enum FileInput {
    public static func read(_ path: String, limit: Int) -> Result<[UInt8], InputError> {
        var st = stat()
        guard stat(path, &st) == 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR {
                return .failure(InputError(.notFound, LocalizedText(zh: "文件不存在", en: "no such file")))
            }
            return .failure(InputError(.unreadable, LocalizedText(zh: "无法读取：\(String(cString: strerror(code)))",
                                                                   en: "cannot read: \(String(cString: strerror(code)))")))
        }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            return .failure(InputError(.unreadable, LocalizedText(zh: "这是一个目录", en: "this is a directory")))
        }
        if Int(st.st_size) > limit {
            return .failure(InputError(.tooLarge, LocalizedText(zh: "文件超过 \(limit >> 20) MB 上限", en: "the file exceeds the \(limit >> 20) MB limit")))
        }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            let code = errno
            return .failure(InputError(.unreadable, LocalizedText(zh: "无法打开：\(String(cString: strerror(code)))",
                                                                   en: "cannot open: \(String(cString: strerror(code)))")))
        }
        defer { close(fd) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(max(0, Int(st.st_size)))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                let code = errno
                return .failure(InputError(.unreadable, LocalizedText(zh: "读取失败：\(String(cString: strerror(code)))",
                                                                       en: "read failed: \(String(cString: strerror(code)))")))
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            if bytes.count > limit {
                return .failure(InputError(.tooLarge, LocalizedText(zh: "文件超过 \(limit >> 20) MB 上限", en: "the file exceeds the \(limit >> 20) MB limit")))
            }
        }
        return .success(bytes)
    }

    /// Standard input, bounded like a file.
    public static func readStandardInput(limit: Int) -> Result<[UInt8], InputError> {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(InputError(.unreadable, LocalizedText(zh: "无法读取标准输入", en: "cannot read standard input")))
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            if bytes.count > limit {
                return .failure(InputError(.tooLarge, LocalizedText(zh: "输入超过 \(limit >> 20) MB 上限", en: "the input exceeds the \(limit >> 20) MB limit")))
            }
        }
        return .success(bytes)
    }
}
