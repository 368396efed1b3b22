extension SwiftNaming {
    /// The public top-level types of KilnRuntime, KilnServer and KilnTestServer. Generated code names them unqualified,
    /// so a model of the same name in the client module would shadow them and break the client (or its
    /// contract tests). SwiftNamingTests compares this list with the runtime's sources, so it cannot go stale.
    static let runtimeTypeNames: Set<String> = [
        "APIClientCore", "APIError", "APIKeyMiddleware", "ActionError", "ActionFailureRule",
        "AuthenticationFailure", "BasicAuthMiddleware", "BodyTooLargeError", "BearerTokenMiddleware", "CalendarDate",
        "ClientConfiguration", "ClientError", "ClientMiddleware", "ClosureTransport", "ContractCheck",
        "CookieEncoder", "DecodingErrorFormatter", "ErrorBody", "FileWriteError", "FormURLEncoder", "HTTPDate",
        "HTTPField", "HTTPFields", "HTTPHeaders", "HTTPMethod", "HTTPRequest", "HTTPResponse", "HTTPStatusCode",
        "HTTPTransport", "HeaderEncoder", "ISO8601DateTime", "Indirect", "InvalidURLError", "JSONCoding", "JSONItemStream",
        "JSONValue", "KilnTestServer", "LenientNumber", "LenientlyDecodable", "LoggingMiddleware",
        "MockError", "MockOperation", "ModelKey", "MultipartFormData", "MultipartPart", "OAuth2ClientCredentials", "OAuth2Error",
        "OAuth2Middleware", "OneOfDecodingError", "OpenEnum", "OperationFilterMiddleware",
        "PageItemSequence", "PageRequest", "PageSequence", "ParameterEncodable", "ParameterLocation",
        "ParameterPrimitive", "ParameterValue", "PatchValue", "PathEncoder", "PathStyle",
        "PercentEncoding", "QueryEncoder", "QueryItem", "QueryItems", "QueryStyle", "RecordedRequest",
        "RecordingMiddleware", "Redactor", "RefreshableTokenProvider", "RequestBodyStream", "Response", "ResponseBody",
        "RetryMiddleware", "ServerSentEvent",
        "ServerSentEventStream", "SessionTokenMiddleware", "SessionTokenStore", "StreamItemError",
        "StreamStep", "TestHeader", "TestLatch", "TestResponse", "URLSessionTransport", "UploadBody",
        // KilnServer, which generated servers import, and its loopback host.
        "ActionRequestBody", "BasicCredentials", "HostedServer", "MultipartParser", "ParameterShape", "ParameterStyle",
        "Received",
        "ServerApplication", "ServerCredentials", "ServerInputError", "ServerNotImplemented", "ServerOptions",
        "ServerParameterLocation", "ServerRequest", "ServerRequestInputs", "ServerResponse", "ServerRoute", "ServerRouter",
        "ServerSecurityScheme",
    ]
}
