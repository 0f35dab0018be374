import Foundation
import Testing

extension Trait where Self == ConditionTrait {
    /// Runs a test or suite only when the real national files (`../shared/data`) are beside the
    /// project; skips it, with this reason shown, when they are not.
    static var requiresSharedData: Self {
        .enabled(if: Fixtures.hasSharedData, "needs the real national files in ../shared/data (see Scripts/france)")
    }
}
