// SPDX-License-Identifier: Apache-2.0
/// Version of this library (HUKOU_VERSION in hukou.h; a test keeps them equal).
let libraryVersion: StaticString = "0.2.0"
/// ABI version (HUKOU_ABI_VERSION, the number in the SONAME).
let abiVersion: Int32 = 1

@_cdecl("hukou_version")
public func hukouVersion() -> UnsafePointer<CChar> {
    StaticCString.pointer(libraryVersion)
}

@_cdecl("hukou_abi_version")
public func hukouABIVersion() -> Int32 {
    abiVersion
}

@_cdecl("hukou_status_name")
public func hukouStatusName(_ status: Int32) -> UnsafePointer<CChar> {
    switch status {
    case 0: return StaticCString.pointer("HUKOU_OK")
    case 1: return StaticCString.pointer("HUKOU_E_PARSE")
    case 2: return StaticCString.pointer("HUKOU_E_INVALID")
    case 3: return StaticCString.pointer("HUKOU_E_UNKNOWN_JURISDICTION")
    case 4: return StaticCString.pointer("HUKOU_E_PACK")
    case 5: return StaticCString.pointer("HUKOU_E_NOMEM")
    case 6: return StaticCString.pointer("HUKOU_E_MISUSE")
    case 7: return StaticCString.pointer("HUKOU_E_LIMIT")
    case 8: return StaticCString.pointer("HUKOU_E_INTERNAL")
    case 9: return StaticCString.pointer("HUKOU_E_SIGNATURE")
    case 10: return StaticCString.pointer("HUKOU_E_ROLLBACK")
    default: return StaticCString.pointer("HUKOU_E_UNKNOWN_STATUS")
    }
}

@_cdecl("hukou_last_error")
public func hukouLastError() -> UnsafePointer<CChar> {
    LastError.current
}
