import Foundation
import KilnRuntime
import Testing

/// One row of a sample table: which declared schema a document's JSON sample must decode into.
struct SampleRow: Sendable {
    var index: Int
    /// The operation and the part of it the sample shows ("listUsers 200").
    var shows: String
    /// Decode only this member: the sample is a fragment of a larger body (the filters of a list request).
    var member: String? = nil
    /// The fields a sample elides with a top-level `...` (the envelope every other sample shows); only
    /// allowed where the sample does elide members.
    var elided: [String: JSONValue] = [:]
    var decode: @Sendable (Data) throws -> Void

    static func decodes<T: Decodable & Sendable>(_ type: T.Type) -> @Sendable (Data) throws -> Void {
        { _ = try JSONCoding.makeDecoder().decode(T.self, from: $0) }
    }
}

enum SeedSampleCheck {
    /// Every JSON sample of `document` must have a row, and decode as the row's type.
    static func run(_ document: String, _ table: [SampleRow]) throws {
        let samples = try SeedSamples.samples(inDocument: document)
        #expect(samples.map(\.index) == table.map(\.index), "\(document): each sample needs exactly one row")
        for sample in samples {
            guard let row = table.first(where: { $0.index == sample.index }) else {
                Issue.record("\(document) \(sample) is not mapped to a type")
                continue
            }
            var value = sample.value
            if let member = row.member {
                guard case .object(let members) = value, let part = members[member] else {
                    Issue.record("\(document) \(sample) has no member '\(member)'")
                    continue
                }
                value = part
            }
            if !row.elided.isEmpty {
                #expect(sample.elidesMembers, "\(document) \(sample) elides nothing; its row must not fill fields in")
                guard case .object(var members) = value else { continue }
                for (name, filler) in row.elided {
                    #expect(members[name] == nil, "\(document) \(sample) shows '\(name)'; do not fill it in")
                    members[name] = filler
                }
                value = .object(members)
            }
            do {
                try row.decode(JSONCoding.makeEncoder().encode(value))
            } catch {
                Issue.record("\(document) \(sample) (\(row.shows)) does not decode: \(error)")
            }
        }
    }
}
