/// Why an input could not be audited. Each is reported once, naming the file,
/// and the batch goes on (exit code 2).
///
/// In the model (not the readers) because every stage can meet one: a reader finds a
/// damaged file, the number scanner a number no report can hold, any stage a `WorkBudget`
/// exhausted.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case notFound = "not-found"
        case unreadable
        case empty
        case binary
        case encoding
        case tooLarge = "too-large"
        case unsupportedFormat = "unsupported-format"
        case corrupt
        /// Password-protected: nothing can be read without the key.
        case encrypted
        /// Refused for safety: a zip bomb, an XML entity declaration, nesting too deep.
        case unsafe
        /// Reading it would cost more than its size allows (`WorkBudget`).
        case overBudget = "over-budget"
        /// A value read from the file overflows what it counts or measures (a list counter,
        /// a number with more digits than a report can hold).
        case overflow
    }

    public var kind: Kind
    public var message: LocalizedText

    public init(_ kind: Kind, _ message: LocalizedText) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message.en }
}
