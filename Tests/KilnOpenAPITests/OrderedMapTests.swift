import KilnOpenAPI
import Testing

/// Small maps look keys up by scanning and large ones by index; both must behave alike across the switch.
struct OrderedMapTests {
    @Test(arguments: [3, 8, 9, 20])
    func insertsLooksUpReplacesAndRemovesInOrder(_ count: Int) {
        var map = OrderedMap<Int>()
        for number in 0..<count { map["k\(number)"] = number }
        #expect(map.keys == (0..<count).map { "k\($0)" })
        #expect((0..<count).allSatisfy { map["k\($0)"] == $0 })
        #expect(map["absent"] == nil)

        map["k1"] = 100
        #expect(map["k1"] == 100 && map.count == count)

        map["k0"] = nil
        #expect(map["k0"] == nil && map.count == count - 1)
        #expect(map.keys.first == "k1")
        #expect((2..<count).allSatisfy { map["k\($0)"] == $0 }, "positions after a removal are renumbered")

        map["k0"] = 0
        #expect(map.keys.last == "k0" && map["k0"] == 0 && map.count == count)
        #expect((2..<count).allSatisfy { map["k\($0)"] == $0 })
    }
}
