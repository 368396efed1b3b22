import KilnFileSystem
import KilnText

/// `.kiln-generated`: what Kiln wrote into a folder, one `name<TAB>hash` line per file, so a later run
/// can tell its own files (to replace or remove) from the user's, and notice a generated file the user
/// edited since (kept, not deleted). Lines of older manifests carry no hash.
struct GeneratedManifest: Equatable {
    static let fileName = ".kiln-generated"

    /// Each listed name with the hash of the bytes Kiln wrote (nil in an older manifest).
    var entries: [String: String?] = [:]

    init(files: [Generator.GeneratedFile]) {
        for file in files { entries[file.name] = Self.hash(file.contents) }
    }

    /// The manifest in `directory`, empty when there is none.
    init(in directory: String) {
        guard let bytes = try? FileSystem.contents(of: FilePaths.join(directory, Self.fileName)),
            let text = String(validating: bytes, as: UTF8.self)
        else { return }
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 1)
            entries[String(parts[0])] = parts.count > 1 ? String(parts[1]) : nil
        }
    }

    var text: String {
        entries.keys.sorted().map { name in entries[name]!.map { "\(name)\t\($0)" } ?? name }.joined(separator: "\n") + "\n"
    }

    /// A name the manifest may list: one file directly in the folder. `../x`, `/etc/x` or `.` are not,
    /// whoever wrote them into the manifest.
    static func isPlainFileName(_ name: String) -> Bool {
        !name.isEmpty && !name.contains("/") && name != "." && name != ".." && name != fileName
    }

    /// FNV-1a, 64 bits: enough to notice an edit (not meant to resist forgery), and no dependency.
    static func hash(_ data: [UInt8]) -> String {
        data.withUnsafeBytes(hash)
    }

    /// The hash of the text's UTF-8, read in place rather than copied out first.
    static func hash(_ text: String) -> String {
        var text = text
        return text.withUTF8 { hash(UnsafeRawBufferPointer($0)) }
    }

    // Over the raw bytes: an iterator that is not inlined costs a call per byte.
    private static func hash(_ bytes: UnsafeRawBufferPointer) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
