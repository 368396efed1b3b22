import KilnCLI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

exit(Kiln.run(Array(CommandLine.arguments.dropFirst()), output: StandardStream.output, errors: StandardStream.error))
