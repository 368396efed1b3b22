import Foundation

/// One operation of a generated mock client: the handler a test sets, and every call made.
/// Thread-safe, since the code under test may call from any task.
public final class MockOperation<Arguments: Sendable, Result: Sendable>: @unchecked Sendable {
    public typealias Handler = @Sendable (Arguments) async throws -> Result

    public let operationID: String
    private let lock = NSLock()
    private var storedHandler: Handler?
    private var storedCalls: [Arguments] = []

    public init(_ operationID: String) {
        self.operationID = operationID
    }

    /// What the operation answers; nil makes calls throw ``MockError/noHandler(operationID:)``.
    public var handler: Handler? {
        get { lock.withLock { storedHandler } }
        set { lock.withLock { storedHandler = newValue } }
    }

    /// The arguments of every call so far, in order.
    public var calls: [Arguments] {
        lock.withLock { storedCalls }
    }

    public var callCount: Int {
        lock.withLock { storedCalls.count }
    }

    /// Records the call, then runs the handler.
    public func call(_ arguments: Arguments) async throws -> Result {
        let handler = lock.withLock { () -> Handler? in
            storedCalls.append(arguments)
            return storedHandler
        }
        guard let handler else { throw MockError.noHandler(operationID: operationID) }
        return try await handler(arguments)
    }
}

public enum MockError: Error, Equatable, CustomStringConvertible {
    /// The test called an operation it gave no handler.
    case noHandler(operationID: String)

    public var description: String {
        switch self {
        case .noHandler(let operationID): "the mock has no handler for \(operationID); set its Stub.handler"
        }
    }
}
