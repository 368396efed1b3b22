import Foundation

/// Retries transient failures with exponential backoff and jitter.
///
/// Retries responses with a status in `Policy.retryableStatuses` and errors accepted by
/// `Policy.isRetryableError`, for idempotent methods only unless `retriesNonIdempotentMethods`.
/// `Retry-After` (seconds or HTTP-date) replaces the computed backoff; a wait longer than
/// `maxRetryAfter` is not waited for and the response is returned instead. Cancelling the task
/// ends waiting immediately with `CancellationError`.
public struct RetryMiddleware: ClientMiddleware {
    /// When and how long to retry.
    public struct Policy: Sendable {
        /// Total attempts including the first; 1 disables retries.
        public var maxAttempts: Int
        /// The backoff before the first retry; each further retry multiplies it by `multiplier`.
        public var baseDelay: TimeInterval
        /// Growth factor of the backoff per retry.
        public var multiplier: Double
        /// Upper bound of the computed backoff.
        public var maxDelay: TimeInterval
        /// Statuses that mean "try again later".
        public var retryableStatuses: Set<Int>
        /// Opt-in for POST/PATCH, which may have taken effect before failing.
        public var retriesNonIdempotentMethods: Bool
        /// Longest `Retry-After` honoured.
        public var maxRetryAfter: TimeInterval
        /// Which thrown errors are transient.
        public var isRetryableError: @Sendable (any Error) -> Bool

        /// Defaults: 3 attempts, 0.5 s doubling up to 30 s, statuses 429/502/503/504, idempotent methods only.
        public init(
            maxAttempts: Int = 3,
            baseDelay: TimeInterval = 0.5,
            multiplier: Double = 2,
            maxDelay: TimeInterval = 30,
            retryableStatuses: Set<Int> = [429, 502, 503, 504],
            retriesNonIdempotentMethods: Bool = false,
            maxRetryAfter: TimeInterval = 120,
            isRetryableError: @escaping @Sendable (any Error) -> Bool = RetryMiddleware.isTransientNetworkError
        ) {
            self.maxAttempts = maxAttempts
            self.baseDelay = baseDelay
            self.multiplier = multiplier
            self.maxDelay = maxDelay
            self.retryableStatuses = retryableStatuses
            self.retriesNonIdempotentMethods = retriesNonIdempotentMethods
            self.maxRetryAfter = maxRetryAfter
            self.isRetryableError = isRetryableError
        }
    }

    /// The retry rules in force.
    public let policy: Policy
    private let random: @Sendable (ClosedRange<Double>) -> Double
    private let sleep: @Sendable (TimeInterval) async throws -> Void
    private let now: @Sendable () -> Date

    /// - Parameters:
    ///   - random: jitter source; inject a fixed function for deterministic tests.
    ///   - sleep: waits the given seconds and throws when cancelled; inject to make tests instant.
    ///   - now: the clock used to turn a `Retry-After` HTTP-date into a delay.
    public init(
        policy: Policy = Policy(),
        random: @escaping @Sendable (ClosedRange<Double>) -> Double = { Double.random(in: $0) },
        sleep: @escaping @Sendable (TimeInterval) async throws -> Void = RetryMiddleware.taskSleep,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.policy = policy
        self.random = random
        self.sleep = sleep
        self.now = now
    }

    public func intercept(
        _ request: HTTPRequest,
        baseURL: URL,
        operationID: String,
        next: @Sendable (HTTPRequest, URL) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        var attempt = 1
        while true {
            try Task.checkCancellation()
            let outcome: Result<HTTPResponse, any Error>
            do {
                outcome = .success(try await next(request, baseURL))
            } catch {
                outcome = .failure(error)
            }
            guard let delay = retryDelay(after: outcome, attempt: attempt, method: request.method) else {
                return try outcome.get()
            }
            try await sleep(delay)
            try Task.checkCancellation()
            attempt += 1
        }
    }

    /// Nil when `outcome` is final.
    private func retryDelay(after outcome: Result<HTTPResponse, any Error>, attempt: Int, method: HTTPMethod) -> TimeInterval? {
        guard attempt < policy.maxAttempts, !Task.isCancelled,
              method.isIdempotent || policy.retriesNonIdempotentMethods
        else { return nil }
        switch outcome {
        case .success(let response):
            guard policy.retryableStatuses.contains(response.status) else { return nil }
            if let header = response.headers["Retry-After"], let requested = Self.retryAfterDelay(header, now: now()) {
                return requested <= policy.maxRetryAfter ? requested : nil
            }
            return backoff(attempt: attempt)
        case .failure(let error):
            guard !(error is CancellationError), policy.isRetryableError(error) else { return nil }
            return backoff(attempt: attempt)
        }
    }

    /// "Equal jitter": half the exponential delay is guaranteed, the other half random, so
    /// clients spread out without ever retrying immediately.
    func backoff(attempt: Int) -> TimeInterval {
        let exponential = min(policy.maxDelay, policy.baseDelay * pow(policy.multiplier, Double(attempt - 1)))
        return random((exponential / 2)...exponential)
    }

    /// Seconds to wait for a `Retry-After` value (delta-seconds or HTTP-date); nil if unparseable.
    public static func retryAfterDelay(_ value: String, now: Date) -> TimeInterval? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Int(trimmed) { return seconds >= 0 ? TimeInterval(seconds) : nil }
        return HTTPDate.date(from: trimmed).map { max(0, $0.timeIntervalSince(now)) }
    }

    /// `Task.sleep`, which throws `CancellationError` as soon as the task is cancelled.
    @Sendable public static func taskSleep(_ seconds: TimeInterval) async throws {
        try await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1_000_000_000))
    }

    /// Connection-level failures where the request most likely never reached the application.
    @Sendable public static func isTransientNetworkError(_ error: any Error) -> Bool {
        if let urlError = error as? URLError {
            let transient: Set<URLError.Code> = [
                .timedOut, .cannotConnectToHost, .networkConnectionLost, .notConnectedToInternet,
                .cannotFindHost, .dnsLookupFailed,
            ]
            return transient.contains(urlError.code)
        }
        let nsError = error as NSError
        return nsError.domain == NSPOSIXErrorDomain
            && [Int(ECONNREFUSED), Int(ECONNRESET), Int(ETIMEDOUT), Int(EPIPE)].contains(nsError.code)
    }
}
