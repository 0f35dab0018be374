/// Finds the first byte sequence that is not valid UTF-8.
enum UTF8Validation {
    /// The line and byte column (1-based) of the first invalid sequence, and its offset in
    /// `bytes` (1-based), or nil if all is valid.
    ///
    /// - Complexity: O(n).
    static func firstInvalidByte(in bytes: [UInt8]) -> (line: Int, column: Int, offset: Int)? {
        // Fast path: the standard library's validating decoder.
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        var line = 1, lineStart = 0, index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") { line += 1; lineStart = index + 1; index += 1; continue }
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, index - lineStart + 1, index + 1)
            }
            let end = index + length
            if end > bytes.count || String(validating: bytes[index..<end], as: UTF8.self) == nil {
                return (line, index - lineStart + 1, index + 1)
            }
            index = end
        }
        return nil
    }
}
