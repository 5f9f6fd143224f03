import Model

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a whole file with POSIX calls, refusing directories, named pipes, sockets and
/// oversized files. `path` may carry a name that is not UTF-8 (`FileName`).
public enum FileInput {
    public static func read(_ path: String, limit: Int) -> Result<[UInt8], InputError> {
        var st = stat()
        guard FileName.withSystemPath(path, { stat($0, &st) }) == 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR {
                return .failure(InputError(.notFound, LocalizedText(zh: "文件不存在", en: "no such file")))
            }
            return .failure(
                InputError(
                    .unreadable,
                    LocalizedText(
                        zh: "无法读取：\(String(cString: strerror(code)))",
                        en: "cannot read: \(String(cString: strerror(code)))")))
        }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            return .failure(InputError(.unreadable, LocalizedText(zh: "这是一个目录", en: "this is a directory")))
        }
        // Opening a FIFO waits for a writer that may never come: a batch would hang on it.
        if let kind = SpecialFile.kind(st.st_mode), kind != .device {
            return .failure(
                InputError(
                    .unreadable,
                    LocalizedText(
                        zh: "这是\(kind.zh)，不是文件：不读取（标准输入请用 -）",
                        en: "this is \(kind.en), not a file: not read (use - for standard input)")))
        }
        if Int(st.st_size) > limit {
            return .failure(
                InputError(.tooLarge, LocalizedText(zh: "文件超过 \(limit >> 20) MB 上限", en: "the file exceeds the \(limit >> 20) MB limit")))
        }
        let fd = FileName.withSystemPath(path) { open($0, O_RDONLY | O_NONBLOCK) }
        guard fd >= 0 else {
            let code = errno
            return .failure(
                InputError(
                    .unreadable,
                    LocalizedText(
                        zh: "无法打开：\(String(cString: strerror(code)))",
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
                if code == EAGAIN {
                    return .failure(
                        InputError(.unreadable, LocalizedText(zh: "读取会一直等待：不读取", en: "reading it would wait forever: not read")))
                }
                return .failure(
                    InputError(
                        .unreadable,
                        LocalizedText(
                            zh: "读取失败：\(String(cString: strerror(code)))",
                            en: "read failed: \(String(cString: strerror(code)))")))
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            if bytes.count > limit {
                return .failure(
                    InputError(
                        .tooLarge, LocalizedText(zh: "文件超过 \(limit >> 20) MB 上限", en: "the file exceeds the \(limit >> 20) MB limit")))
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
                return .failure(
                    InputError(
                        .tooLarge, LocalizedText(zh: "输入超过 \(limit >> 20) MB 上限", en: "the input exceeds the \(limit >> 20) MB limit")))
            }
        }
        return .success(bytes)
    }
}

/// What a path is when it is not a regular file or a folder.
public enum SpecialFile: Sendable, Equatable {
    case fifo, socket, device

    public static func kind(_ mode: mode_t) -> SpecialFile? {
        switch mode & S_IFMT {
        case S_IFIFO: return .fifo
        case S_IFSOCK: return .socket
        case S_IFCHR, S_IFBLK: return .device
        default: return nil
        }
    }

    public var en: String {
        switch self {
        case .fifo: return "a named pipe (FIFO)"
        case .socket: return "a socket"
        case .device: return "a device"
        }
    }

    public var zh: String {
        switch self {
        case .fifo: return "命名管道（FIFO）"
        case .socket: return "套接字"
        case .device: return "设备文件"
        }
    }
}
