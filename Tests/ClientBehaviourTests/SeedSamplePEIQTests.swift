import PEIQUsers
import Testing

/// PEIQ (002): the user list, the user body of create and update, the groups, an image and an image upload.
@Suite struct SeedSamplePEIQTests {
    static let table = [
        SampleRow(index: 0, shows: "listUsers 200", decode: SampleRow.decodes(UserList.self)),
        SampleRow(index: 1, shows: "createUser and updateUser request body", decode: SampleRow.decodes(UserInput.self)),
        SampleRow(index: 2, shows: "listGroups 200", decode: SampleRow.decodes([Group].self)),
        SampleRow(index: 3, shows: "getAvatar and getWallpaper 200", decode: SampleRow.decodes(Image.self)),
        SampleRow(index: 4, shows: "uploadAvatar and uploadWallpaper request body", decode: SampleRow.decodes(ImageUpload.self)),
    ]

    @Test func samplesDecodeAsTheirOperationsDeclare() throws {
        try SeedSampleCheck.run("002_58320a91c1060a76.txt", Self.table)
    }
}
