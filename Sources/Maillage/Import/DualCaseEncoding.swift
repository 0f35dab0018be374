/// Encodes a value's stored properties under snake_case names, as every other JSON of maillage,
/// and under their former camelCase names too, kept for one release (deprecated, see README).
///
/// It reads the properties by reflection, so a property added to the type later is encoded
/// without touching this code; `nil` properties are left out, as synthesized encoding does.
enum DualCaseEncoding {
    /// Encodes `value`'s properties, then `extra` (snake_case only: new keys have no former name).
    static func encode(_ value: Any, extra: [String: Int] = [:], to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: NameKey.self)
        for child in Mirror(reflecting: value).children {
            guard let label = child.label, let field = child.value as? any Encodable, !isNil(child.value) else { continue }
            let snake = snakeCase(label)
            try container.encode(field, forKey: NameKey(snake))
            if snake != label { try container.encode(field, forKey: NameKey(label)) }
        }
        for (key, number) in extra { try container.encode(number, forKey: NameKey(key)) }
    }

    /// "rowsRead" → "rows_read".
    static func snakeCase(_ name: String) -> String {
        var result = ""
        for character in name {
            if character.isUppercase {
                result += "_" + character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }

    private static func isNil(_ value: Any) -> Bool {
        let mirror = Mirror(reflecting: value)
        return mirror.displayStyle == .optional && mirror.children.isEmpty
    }

    private struct NameKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
