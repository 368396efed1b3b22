import IServ
import Testing

/// IServ (001): the only JSON the document shows are the temporary passwords of the two reset calls; the
/// rest is field lists, which the specs follow without a sample to decode.
@Suite struct SeedSampleIServTests {
    static let table = [
        SampleRow(index: 0, shows: "resetAdminPassword 200", decode: SampleRow.decodes(Password.self)),
        SampleRow(index: 1, shows: "resetUserPassword 200", decode: SampleRow.decodes(Password.self)),
    ]

    @Test func samplesDecodeAsTheirOperationsDeclare() throws {
        try SeedSampleCheck.run("001_ca6945cc101dd87b.txt", Self.table)
    }
}
