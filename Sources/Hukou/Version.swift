// SPDX-License-Identifier: Apache-2.0
import CHukou

/// HUKOU_VERSION of hukou.h as a C string with static storage (made once, never freed),
/// so that hukou_version returns the same pointer every time.
nonisolated(unsafe) private let libraryVersion: UnsafePointer<CChar> = {
    let text = Array(HUKOU_VERSION.utf8CString)
    let copy = UnsafeMutablePointer<CChar>.allocate(capacity: text.count)
    copy.initialize(from: text, count: text.count)
    return UnsafePointer(copy)
}()

@_cdecl("hukou_version")
public func hukouVersion() -> UnsafePointer<CChar> {
    libraryVersion
}

@_cdecl("hukou_abi_version")
public func hukouABIVersion() -> Int32 {
    HUKOU_ABI_VERSION
}

@_cdecl("hukou_status_name")
public func hukouStatusName(_ status: Int32) -> UnsafePointer<CChar> {
    statusName(status)
}

@_cdecl("hukou_last_error")
public func hukouLastError() -> UnsafePointer<CChar> {
    LastError.current
}
