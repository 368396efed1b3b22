import Foundation
import Testing
import KilnRuntime

@Suite struct JSONCodingTests {
    struct Event: Codable, Equatable {
        var url: String
        var at: Date
        var zebra: Int
        var apple: Int
    }

    @Test func encoderSortsKeysAndDoesNotEscapeSlashes() throws {
        let event = Event(url: "https://a.example/b", at: Date(timeIntervalSince1970: 1_704_164_645), zebra: 1, apple: 2)
        let json = String(decoding: try JSONCoding.makeEncoder().encode(event), as: UTF8.self)
        #expect(json == #"{"apple":2,"at":"2024-01-02T03:04:05Z","url":"https://a.example/b","zebra":1}"#)
    }

    @Test(arguments: [
        ("2024-01-02T03:04:05Z", 1_704_164_645.0),
        ("2024-01-02T03:04:05+00:00", 1_704_164_645.0),
        ("2024-01-02T05:04:05+02:00", 1_704_164_645.0),
        ("2024-01-01T22:04:05-05:00", 1_704_164_645.0),
        ("2024-01-02T05:04:05+0200", 1_704_164_645.0),
        ("2024-01-02t03:04:05z", 1_704_164_645.0),
        ("2024-01-02T03:04:05.5Z", 1_704_164_645.5),
        ("2024-01-02T03:04:05.250+00:00", 1_704_164_645.25),
        ("1969-12-31T23:59:59Z", -1.0),
    ])
    func decodesDateTimeVariants(_ text: String, _ seconds: Double) throws {
        let date = try JSONCoding.makeDecoder().decode(Date.self, from: Data("\"\(text)\"".utf8))
        #expect(date.timeIntervalSince1970 == seconds)
    }

    @Test func decodesMillisecondFractionsPrecisely() throws {
        let date = try JSONCoding.makeDecoder().decode(Date.self, from: Data(#""2024-01-02T03:04:05.123Z""#.utf8))
        #expect(abs(date.timeIntervalSince1970 - 1_704_164_645.123) < 0.000_001)
        #expect(ISO8601DateTime.string(from: date) == "2024-01-02T03:04:05.123Z")
    }

    @Test(arguments: ["2024-01-02T03:04:05", "2024-01-02", "2024-13-02T03:04:05Z", "2024-02-30T03:04:05Z", "2024-01-02T24:00:00Z", "2024-01-02T03:04:05.Z", "2024-01-02T03:04:05Zjunk", "not a date"])
    func rejectsInvalidDateTimes(_ text: String) {
        #expect(throws: DecodingError.self) {
            try JSONCoding.makeDecoder().decode(Date.self, from: Data("\"\(text)\"".utf8))
        }
    }

    @Test func encodesFractionOnlyWhenNonzero() {
        #expect(ISO8601DateTime.string(from: Date(timeIntervalSince1970: 1_704_164_645)) == "2024-01-02T03:04:05Z")
        #expect(ISO8601DateTime.string(from: Date(timeIntervalSince1970: 1_704_164_645.5)) == "2024-01-02T03:04:05.500Z")
        #expect(ISO8601DateTime.string(from: Date(timeIntervalSince1970: 1_704_164_645.000_25)) == "2024-01-02T03:04:05.000250Z")
        #expect(ISO8601DateTime.string(from: Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59.500Z")
    }

    @Test func dateRoundTripsThroughCoders() throws {
        let event = Event(url: "u", at: Date(timeIntervalSince1970: 951_782_400.75), zebra: 0, apple: 0)
        let decoded = try JSONCoding.makeDecoder().decode(Event.self, from: JSONCoding.makeEncoder().encode(event))
        #expect(decoded == event)
        #expect(ISO8601DateTime.string(from: event.at) == "2000-02-29T00:00:00.750Z")
    }
}

@Suite struct CalendarDateTests {
    @Test func codableAsPlainDate() throws {
        let date = try #require(CalendarDate(year: 1977, month: 3, day: 7))
        let json = try JSONCoding.makeEncoder().encode([date])
        #expect(String(decoding: json, as: UTF8.self) == #"["1977-03-07"]"#)
        #expect(try JSONCoding.makeDecoder().decode([CalendarDate].self, from: json) == [date])
        #expect(date.daysSinceEpoch == 2622)
    }

    @Test func validatesDates() {
        #expect(CalendarDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 2023, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 2024, month: 13, day: 1) == nil)
        #expect(CalendarDate(year: 2024, month: 4, day: 31) == nil)
        #expect(CalendarDate("1977-3-7") == nil)
        #expect(CalendarDate("1977-03-07T00:00:00Z") == nil)
        #expect(CalendarDate("0042-01-05")?.description == "0042-01-05")
    }

    @Test func invalidJSONDateFailsDecoding() {
        #expect(throws: DecodingError.self) {
            try JSONCoding.makeDecoder().decode(CalendarDate.self, from: Data(#""2023-02-29""#.utf8))
        }
    }

    @Test func comparesChronologically() throws {
        let dates = ["2024-01-10", "2023-12-31", "2024-01-02"].compactMap(CalendarDate.init)
        #expect(dates.sorted().map(\.description) == ["2023-12-31", "2024-01-02", "2024-01-10"])
    }

    @Test func convertsFromAndToInstantsInATimeZone() throws {
        let instant = Date(timeIntervalSince1970: 1_704_164_645) // 2024-01-02T03:04:05Z
        let tokyo = try #require(TimeZone(secondsFromGMT: 9 * 3600))
        let hawaii = try #require(TimeZone(secondsFromGMT: -10 * 3600))
        #expect(CalendarDate(instant, in: tokyo).description == "2024-01-02")
        #expect(CalendarDate(instant, in: hawaii).description == "2024-01-01")
        let day = try #require(CalendarDate("2024-01-02"))
        #expect(day.startDate(in: tokyo).timeIntervalSince1970 == 1_704_121_200)
    }
}

@Suite struct JSONValueTests {
    @Test func decodesEveryKindAndKeepsIntegersExact() throws {
        let json = #"{"big":9007199254740993,"pi":3.25,"t":true,"n":null,"s":"x","a":[1,"2"],"o":{"k":-1}}"#
        let value = try JSONCoding.makeDecoder().decode(JSONValue.self, from: Data(json.utf8))
        #expect(value["big"] == .integer(9_007_199_254_740_993))
        #expect(value["pi"] == .double(3.25))
        #expect(value["t"] == .bool(true))
        #expect(value["n"] == .null)
        #expect(value["s"]?.stringValue == "x")
        #expect(value["a"]?[1] == "2")
        #expect(value["o"]?["k"]?.int64Value == -1)
        #expect(value["missing"] == nil)
        #expect(value["a"]?[5] == nil)
    }

    @Test func encodesWithSortedKeys() throws {
        let value: JSONValue = ["b": [1, 2.5, nil], "a": ["x": true, "path": "/p"]]
        let json = String(decoding: try JSONCoding.makeEncoder().encode(value), as: UTF8.self)
        #expect(json == #"{"a":{"path":"/p","x":true},"b":[1,2.5,null]}"#)
    }

    @Test func roundTripsAndConvertsToModels() throws {
        struct Group: Codable, Equatable { var id: Int; var name: String }
        let value = try JSONValue(encoding: Group(id: 7, name: "g"))
        #expect(value == ["id": 7, "name": "g"])
        #expect(try value.decode(as: Group.self) == Group(id: 7, name: "g"))
        #expect(JSONValue.integer(3).doubleValue == 3)
        #expect(JSONValue.double(4).int64Value == 4)
        #expect(JSONValue.double(4.5).int64Value == nil)
        #expect(JSONValue.null.isNull)
        #expect(JSONValue.array([]).arrayValue == [])
        #expect(JSONValue.object([:]).objectValue == [:])
        #expect(JSONValue.bool(false).boolValue == false)
    }

    @Test func hashableDistinguishesIntegerFromDouble() {
        let set: Set<JSONValue> = [.integer(1), .double(1), .integer(1)]
        #expect(set.count == 2)
    }
}

@Suite struct PatchValueTests {
    struct GroupPatch: Codable, Equatable {
        var name: PatchValue<String> = .absent
        var description: PatchValue<String> = .absent
        var size: PatchValue<Int> = .absent
    }

    @Test func synthesizedEncodingOmitsAbsentAndWritesNull() throws {
        var patch = GroupPatch()
        patch.name = .value("New")
        patch.description = nil
        let json = String(decoding: try JSONCoding.makeEncoder().encode(patch), as: UTF8.self)
        #expect(json == #"{"description":null,"name":"New"}"#)
    }

    @Test func synthesizedDecodingDistinguishesAllThreeStates() throws {
        let patch = try JSONCoding.makeDecoder().decode(GroupPatch.self, from: Data(#"{"name":"A","description":null}"#.utf8))
        #expect(patch.name == .value("A"))
        #expect(patch.description == .null)
        #expect(patch.size == .absent)
        #expect(patch.size.isAbsent)
        #expect(patch.name.wrappedValue == "A")
    }

    @Test func wrongTypeStillFails() {
        #expect(throws: DecodingError.self) {
            try JSONCoding.makeDecoder().decode(GroupPatch.self, from: Data(#"{"size":"big"}"#.utf8))
        }
    }

    @Test func optionalInitializerAndStandaloneCoding() throws {
        #expect(PatchValue<Int>(nil) == .null)
        #expect(PatchValue(3) == .value(3))
        let json = String(decoding: try JSONCoding.makeEncoder().encode([PatchValue<Int>.value(1), .null, .absent]), as: UTF8.self)
        #expect(json == "[1,null,null]")
        #expect(try JSONCoding.makeDecoder().decode([PatchValue<Int>].self, from: Data("[2,null]".utf8)) == [.value(2), .null])
    }

    struct ExplicitPatch: Codable {
        var name: PatchValue<String>
        enum CodingKeys: String, CodingKey { case name }
        init(name: PatchValue<String>) { self.name = name }
        init(from decoder: any Decoder) throws {
            name = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(PatchValue<String>.self, forKey: .name) ?? .absent
        }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeIfPresent(name, forKey: .name)
        }
    }

    @Test func explicitIfPresentHelpers() throws {
        #expect(String(decoding: try JSONCoding.makeEncoder().encode(ExplicitPatch(name: .absent)), as: UTF8.self) == "{}")
        #expect(String(decoding: try JSONCoding.makeEncoder().encode(ExplicitPatch(name: .null)), as: UTF8.self) == #"{"name":null}"#)
        #expect(try JSONCoding.makeDecoder().decode(ExplicitPatch.self, from: Data("{}".utf8)).name == .absent)
    }
}

@Suite struct LenientDecodingTests {
    struct Record: Decodable {
        var id: Int
        var big: Int64
        var ratio: Double
        var label: String
        var flag: Bool
        var optionalID: Int?

        enum CodingKeys: String, CodingKey { case id, big, ratio, label, flag, optionalID }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decodeLenient(Int.self, forKey: .id)
            big = try container.decodeLenient(Int64.self, forKey: .big)
            ratio = try container.decodeLenient(Double.self, forKey: .ratio)
            label = try container.decodeLenient(String.self, forKey: .label)
            flag = try container.decodeLenient(Bool.self, forKey: .flag)
            optionalID = try container.decodeLenientIfPresent(Int.self, forKey: .optionalID)
        }
    }

    private func decode(_ json: String) throws -> Record {
        try JSONCoding.makeDecoder().decode(Record.self, from: Data(json.utf8))
    }

    @Test func acceptsNumbersAndNumericStrings() throws {
        let plain = try decode(#"{"id":542,"big":9007199254740993,"ratio":0.5,"label":"x","flag":true,"optionalID":7}"#)
        let strings = try decode(#"{"id":"542","big":"9007199254740993","ratio":"0.5","label":12,"flag":"true","optionalID":"7"}"#)
        #expect(plain.id == 542 && strings.id == 542)
        #expect(plain.big == 9_007_199_254_740_993 && strings.big == 9_007_199_254_740_993)
        #expect(plain.ratio == 0.5 && strings.ratio == 0.5)
        #expect(plain.label == "x" && strings.label == "12")
        #expect(plain.flag && strings.flag)
        #expect(plain.optionalID == 7 && strings.optionalID == 7)
    }

    @Test func optionalIsNilWhenMissingOrNull() throws {
        #expect(try decode(#"{"id":1,"big":1,"ratio":1,"label":"","flag":false}"#).optionalID == nil)
        #expect(try decode(#"{"id":1,"big":1,"ratio":1,"label":"","flag":false,"optionalID":null}"#).optionalID == nil)
    }

    @Test func nonNumericStringsFailWithThePath() {
        let error = #expect(throws: DecodingError.self) { try decode(#"{"id":"abc","big":1,"ratio":1,"label":"","flag":false}"#) }
        #expect(error.map(DecodingErrorFormatter.describe)?.contains("at id") == true)
    }

    @Test func singleValueAndUnkeyedVariants() throws {
        struct Ids: Decodable {
            var values: [Int]
            init(from decoder: any Decoder) throws {
                var container = try decoder.unkeyedContainer()
                var values: [Int] = []
                while !container.isAtEnd { values.append(try container.decodeLenient(Int.self)) }
                self.values = values
            }
        }
        struct One: Decodable {
            var value: Double
            init(from decoder: any Decoder) throws { value = try decoder.singleValueContainer().decodeLenient(Double.self) }
        }
        #expect(try JSONCoding.makeDecoder().decode(Ids.self, from: Data(#"[1,"2",3]"#.utf8)).values == [1, 2, 3])
        #expect(try JSONCoding.makeDecoder().decode(One.self, from: Data(#"" 2.5""#.utf8)).value == 2.5)
    }
}
