/**
 * `Result` (`EResult` of the Steamworks SDK's `steamclientpublic.h`): Steam's general result codes,
 * the whole enum, under GodotSteam's names. The networking functions return a few of them: `OK`,
 * `FAIL`, `NO_CONNECTION`, `INVALID_PARAM`, `BUSY`, `IGNORED`, `NO_MATCH`, `LIMIT_EXCEEDED`,
 * `DISABLED`, ... Value 4 (`k_EResultNoConnectionRetry`) was removed from the SDK and is not here.
 * `RESULT_TRY_LATER` (131) is newer than GodotSteam's list; its name follows GodotSteam's style.
 */

/** No result (`k_EResultNone`). */
export const RESULT_NONE = 0;

/** Success (`k_EResultOK`). */
export const RESULT_OK = 1;

/** Generic failure (`k_EResultFail`). */
export const RESULT_FAIL = 2;

/** No network connection, or it failed (`k_EResultNoConnection`). */
export const RESULT_NO_CONNECTION = 3;

/** Password or ticket is invalid (`k_EResultInvalidPassword`). */
export const RESULT_INVALID_PASSWORD = 5;

/** The same user is logged in elsewhere (`k_EResultLoggedInElsewhere`). */
export const RESULT_LOGGED_IN_ELSEWHERE = 6;

/** Protocol version is incorrect (`k_EResultInvalidProtocolVer`). */
export const RESULT_INVALID_PROTOCOL_VER = 7;

/** A parameter is incorrect (`k_EResultInvalidParam`). */
export const RESULT_INVALID_PARAM = 8;

/** File was not found (`k_EResultFileNotFound`). */
export const RESULT_FILE_NOT_FOUND = 9;

/** The called method is busy; nothing was done (`k_EResultBusy`). */
export const RESULT_BUSY = 10;

/** The called object was in an invalid state (`k_EResultInvalidState`). */
export const RESULT_INVALID_STATE = 11;

/** Name is invalid (`k_EResultInvalidName`). */
export const RESULT_INVALID_NAME = 12;

/** E-mail address is invalid (`k_EResultInvalidEmail`). */
export const RESULT_INVALID_EMAIL = 13;

/** Name is not unique (`k_EResultDuplicateName`). */
export const RESULT_DUPLICATE_NAME = 14;

/** Access is denied (`k_EResultAccessDenied`). */
export const RESULT_ACCESS_DENIED = 15;

/** The operation timed out (`k_EResultTimeout`). */
export const RESULT_TIMEOUT = 16;

/** VAC2 banned (`k_EResultBanned`). */
export const RESULT_BANNED = 17;

/** Account not found (`k_EResultAccountNotFound`). */
export const RESULT_ACCOUNT_NOT_FOUND = 18;

/** Steam ID is invalid (`k_EResultInvalidSteamID`). */
export const RESULT_INVALID_STEAMID = 19;

/** The requested service is unavailable right now (`k_EResultServiceUnavailable`). */
export const RESULT_SERVICE_UNAVAILABLE = 20;

/** The user is not logged on (`k_EResultNotLoggedOn`). */
export const RESULT_NOT_LOGGED_ON = 21;

/** The request is pending (in progress, or waiting on a third party). */
export const RESULT_PENDING = 22;

/** Encryption or decryption failed (`k_EResultEncryptionFailure`). */
export const RESULT_ENCRYPTION_FAILURE = 23;

/** Insufficient privilege (`k_EResultInsufficientPrivilege`). */
export const RESULT_INSUFFICIENT_PRIVILEGE = 24;

/** A limit was exceeded (too much of a good thing) (`k_EResultLimitExceeded`). */
export const RESULT_LIMIT_EXCEEDED = 25;

/** Access has been revoked (`k_EResultRevoked`). */
export const RESULT_REVOKED = 26;

/** The license or guest pass has expired (`k_EResultExpired`). */
export const RESULT_EXPIRED = 27;

/** The guest pass has already been redeemed (`k_EResultAlreadyRedeemed`). */
export const RESULT_ALREADY_REDEEMED = 28;

/** A duplicate of a request already carried out; ignored (`k_EResultDuplicateRequest`). */
export const RESULT_DUPLICATE_REQUEST = 29;

/** Every game in the guest pass is already owned (`k_EResultAlreadyOwned`). */
export const RESULT_ALREADY_OWNED = 30;

/** IP address not found (`k_EResultIPNotFound`). */
export const RESULT_IP_NOT_FOUND = 31;

/** Writing the change to the data store failed (`k_EResultPersistFailed`). */
export const RESULT_PERSIST_FAILED = 32;

/** Could not acquire the lock for this operation (`k_EResultLockingFailed`). */
export const RESULT_LOCKING_FAILED = 33;

/** The logon session was replaced (`k_EResultLogonSessionReplaced`). */
export const RESULT_LOG_ON_SESSION_REPLACED = 34;

/** Connecting failed (`k_EResultConnectFailed`). */
export const RESULT_CONNECT_FAILED = 35;

/** The handshake failed (`k_EResultHandshakeFailed`). */
export const RESULT_HANDSHAKE_FAILED = 36;

/** Input/output failure (`k_EResultIOFailure`). */
export const RESULT_IO_FAILURE = 37;

/** The remote end disconnected (`k_EResultRemoteDisconnect`). */
export const RESULT_REMOTE_DISCONNECT = 38;

/** The shopping cart was not found (`k_EResultShoppingCartNotFound`). */
export const RESULT_SHOPPING_CART_NOT_FOUND = 39;

/** A user did not allow it (`k_EResultBlocked`). */
export const RESULT_BLOCKED = 40;

/** The target is ignoring the sender (`k_EResultIgnored`). */
export const RESULT_IGNORED = 41;

/** Nothing matching the request was found (`k_EResultNoMatch`). */
export const RESULT_NO_MATCH = 42;

/** The account is disabled (`k_EResultAccountDisabled`). */
export const RESULT_ACCOUNT_DISABLED = 43;

/** The service is not accepting changes right now (`k_EResultServiceReadOnly`). */
export const RESULT_SERVICE_READ_ONLY = 44;

/** The account does not have the value needed for this feature. */
export const RESULT_ACCOUNT_NOT_FEATURED = 45;

/** Allowed only because the requester is an administrator (`k_EResultAdministratorOK`). */
export const RESULT_ADMINISTRATOR_OK = 46;

/** Content version mismatch within the Steam protocol (`k_EResultContentVersion`). */
export const RESULT_CONTENT_VERSION = 47;

/** This connection manager cannot serve the user; try another (`k_EResultTryAnotherCM`). */
export const RESULT_TRY_ANOTHER_CM = 48;

/** Logged in elsewhere: a cached-credential login cannot kick that session. */
export const RESULT_PASSWORD_REQUIRED_TO_KICK_SESSION = 49;

/** Already logged in elsewhere; wait (`k_EResultAlreadyLoggedInElsewhere`). */
export const RESULT_ALREADY_LOGGED_IN_ELSEWHERE = 50;

/** A long operation (e.g. a download) is suspended (`k_EResultSuspended`). */
export const RESULT_SUSPENDED = 51;

/** The operation was cancelled, typically by the user (`k_EResultCancelled`). */
export const RESULT_CANCELLED = 52;

/** Cancelled because the data is ill-formed or unrecoverable (`k_EResultDataCorruption`). */
export const RESULT_DATA_CORRUPTION = 53;

/** Cancelled: not enough disk space (`k_EResultDiskFull`). */
export const RESULT_DISK_FULL = 54;

/** A remote or inter-process call failed (`k_EResultRemoteCallFailed`). */
export const RESULT_REMOTE_CALL_FAILED = 55;

/** The password cannot be verified because none is set server-side. */
export const RESULT_PASSWORD_UNSET = 56;

/** The external account is not linked to a Steam account (`k_EResultExternalAccountUnlinked`). */
export const RESULT_EXTERNAL_ACCOUNT_UNLINKED = 57;

/** The PSN ticket is invalid (`k_EResultPSNTicketInvalid`). */
export const RESULT_PSN_TICKET_INVALID = 58;

/** The external account is already linked to another Steam account. */
export const RESULT_EXTERNAL_ACCOUNT_ALREADY_LINKED = 59;

/** Local and remote files conflict; sync cannot resume (`k_EResultRemoteFileConflict`). */
export const RESULT_REMOTE_FILE_CONFLICT = 60;

/** The new password is not allowed (`k_EResultIllegalPassword`). */
export const RESULT_ILLEGAL_PASSWORD = 61;

/** The new value is the same as the old one (`k_EResultSameAsPreviousValue`). */
export const RESULT_SAME_AS_PREVIOUS_VALUE = 62;

/** Login denied: second-factor authentication failed (`k_EResultAccountLogonDenied`). */
export const RESULT_ACCOUNT_LOG_ON_DENIED = 63;

/** The new password cannot be an old one (`k_EResultCannotUseOldPassword`). */
export const RESULT_CANNOT_USE_OLD_PASSWORD = 64;

/** Login denied: the auth code is invalid (`k_EResultInvalidLoginAuthCode`). */
export const RESULT_INVALID_LOG_IN_AUTH_CODE = 65;

/**
 * Login denied: second-factor failure, and no mail was sent. (`k_EResultAccountLogonDeniedNoMail`)
 */
export const RESULT_ACCOUNT_LOG_ON_DENIED_NO_MAIL = 66;

/** The hardware is not capable of IPT (`k_EResultHardwareNotCapableOfIPT`). */
export const RESULT_HARDWARE_NOT_CAPABLE_OF_IPT = 67;

/** IPT initialisation failed (`k_EResultIPTInitError`). */
export const RESULT_IPT_INIT_ERROR = 68;

/** Parental controls forbid this for the current user (`k_EResultParentalControlRestricted`). */
export const RESULT_PARENTAL_CONTROL_RESTRICTED = 69;

/** A Facebook query returned an error (`k_EResultFacebookQueryError`). */
export const RESULT_FACEBOOK_QUERY_ERROR = 70;

/** Login denied: the auth code has expired (`k_EResultExpiredLoginAuthCode`). */
export const RESULT_EXPIRED_LOGIN_AUTH_CODE = 71;

/** Login denied by an IP restriction (`k_EResultIPLoginRestrictionFailed`). */
export const RESULT_IP_LOGIN_RESTRICTION_FAILED = 72;

/** The account is locked down (`k_EResultAccountLockedDown`). */
export const RESULT_ACCOUNT_LOCKED_DOWN = 73;

/**
 * Login denied: a verified e-mail address is required.
 * (`k_EResultAccountLogonDeniedVerifiedEmailRequired`)
 */
export const RESULT_ACCOUNT_LOG_ON_DENIED_VERIFIED_EMAIL_REQUIRED = 74;

/** No matching URL (`k_EResultNoMatchingURL`). */
export const RESULT_NO_MATCHING_URL = 75;

/** Bad response: parse failure, missing field, .. (`k_EResultBadResponse`). */
export const RESULT_BAD_RESPONSE = 76;

/** The user must enter their password again first (`k_EResultRequirePasswordReEntry`). */
export const RESULT_REQUIRE_PASSWORD_REENTRY = 77;

/** The value is outside the acceptable range (`k_EResultValueOutOfRange`). */
export const RESULT_VALUE_OUT_OF_RANGE = 78;

/** Something that should never happen happened (`k_EResultUnexpectedError`). */
export const RESULT_UNEXPECTED_ERROR = 79;

/** The service is configured to be unavailable (`k_EResultDisabled`). */
export const RESULT_DISABLED = 80;

/** The files submitted to the CEG server are invalid (`k_EResultInvalidCEGSubmission`). */
export const RESULT_INVALID_CEG_SUBMISSION = 81;

/** This device is not allowed to do this (`k_EResultRestrictedDevice`). */
export const RESULT_RESTRICTED_DEVICE = 82;

/** Region restricted (`k_EResultRegionLocked`). */
export const RESULT_REGION_LOCKED = 83;

/**
 * Temporary rate limit exceeded; try again later (unlike LIMIT_EXCEEDED, which may be permanent).
 */
export const RESULT_RATE_LIMIT_EXCEEDED = 84;

/** Login needs a two-factor code (`k_EResultAccountLoginDeniedNeedTwoFactor`). */
export const RESULT_ACCOUNT_LOGIN_DENIED_NEED_TWO_FACTOR = 85;

/** The item has been deleted (`k_EResultItemDeleted`). */
export const RESULT_ITEM_DELETED = 86;

/** Login throttled after failed attempts (`k_EResultAccountLoginDeniedThrottle`). */
export const RESULT_ACCOUNT_LOGIN_DENIED_THROTTLE = 87;

/** The two-factor code does not match (`k_EResultTwoFactorCodeMismatch`). */
export const RESULT_TWO_FACTOR_CODE_MISMATCH = 88;

/** The two-factor activation code does not match (`k_EResultTwoFactorActivationCodeMismatch`). */
export const RESULT_TWO_FACTOR_ACTIVATION_CODE_MISMATCH = 89;

/**
 * The account is associated with several partners.
 * (`k_EResultAccountAssociatedToMultiplePartners`)
 */
export const RESULT_ACCOUNT_ASSOCIATED_TO_MULTIPLE_PARTNERS = 90;

/** Data not modified (`k_EResultNotModified`). */
export const RESULT_NOT_MODIFIED = 91;

/** The account has no mobile device (`k_EResultNoMobileDevice`). */
export const RESULT_NO_MOBILE_DEVICE = 92;

/** The time given is out of range or tolerance (`k_EResultTimeNotSynced`). */
export const RESULT_TIME_NOT_SYNCED = 93;

/** SMS code failure (no match, none pending, ...) (`k_EResultSmsCodeFailed`). */
export const RESULT_SMS_CODE_FAILED = 94;

/** Too many accounts access this resource (`k_EResultAccountLimitExceeded`). */
export const RESULT_ACCOUNT_LIMIT_EXCEEDED = 95;

/** Too many changes to this account (`k_EResultAccountActivityLimitExceeded`). */
export const RESULT_ACCOUNT_ACTIVITY_LIMIT_EXCEEDED = 96;

/** Too many changes to this phone (`k_EResultPhoneActivityLimitExceeded`). */
export const RESULT_PHONE_ACTIVITY_LIMIT_EXCEEDED = 97;

/** Cannot refund to the payment method; the wallet must be used. */
export const RESULT_REFUND_TO_WALLET = 98;

/** Cannot send an e-mail (`k_EResultEmailSendFailure`). */
export const RESULT_EMAIL_SEND_FAILURE = 99;

/** Not possible until the payment has settled (`k_EResultNotSettled`). */
export const RESULT_NOT_SETTLED = 100;

/** A valid captcha is needed (`k_EResultNeedCaptcha`). */
export const RESULT_NEED_CAPTCHA = 101;

/** A game server login token of this owner has been banned (`k_EResultGSLTDenied`). */
export const RESULT_GSLT_DENIED = 102;

/** The game server owner is denied for another reason (`k_EResultGSOwnerDenied`). */
export const RESULT_GS_OWNER_DENIED = 103;

/** The item type is invalid (`k_EResultInvalidItemType`). */
export const RESULT_INVALID_ITEM_TYPE = 104;

/** The IP address is banned from this action (`k_EResultIPBanned`). */
export const RESULT_IP_BANNED = 105;

/** The game server login token expired from disuse; it can be reset. */
export const RESULT_GSLT_EXPIRED = 106;

/** Not enough wallet funds (`k_EResultInsufficientFunds`). */
export const RESULT_INSUFFICIENT_FUNDS = 107;

/** Too many of these are pending already (`k_EResultTooManyPending`). */
export const RESULT_TOO_MANY_PENDING = 108;

/** No site licenses found (`k_EResultNoSiteLicensesFound`). */
export const RESULT_NO_SITE_LICENSES_FOUND = 109;

/** The response exceeded the largest network send size (`k_EResultWGNetworkSendExceeded`). */
export const RESULT_WG_NETWORK_SEND_EXCEEDED = 110;

/** The users are not mutual friends (`k_EResultAccountNotFriends`). */
export const RESULT_ACCOUNT_NOT_FRIENDS = 111;

/** The user account is limited (`k_EResultLimitedUserAccount`). */
export const RESULT_LIMITED_USER_ACCOUNT = 112;

/** The item cannot be removed (`k_EResultCantRemoveItem`). */
export const RESULT_CANT_REMOVE_ITEM = 113;

/** The account has been deleted (`k_EResultAccountDeleted`). */
export const RESULT_ACCOUNT_DELETED = 114;

/** A cancelled license for this already exists (`k_EResultExistingUserCancelledLicense`). */
export const RESULT_EXISTING_USER_CANCELLED_LICENSE = 115;

/** Denied because of a community cooldown (`k_EResultCommunityCooldown`). */
export const RESULT_COMMUNITY_COOLDOWN = 116;

/** A launcher is needed to choose the realm, and none was given. */
export const RESULT_NO_LAUNCHER_SPECIFIED = 117;

/** The user must agree to the subscriber agreement first (`k_EResultMustAgreeToSSA`). */
export const RESULT_MUST_AGREE_TO_SSA = 118;

/** That launcher type is no longer supported (`k_EResultLauncherMigrated`). */
export const RESULT_LAUNCHER_MIGRATED = 119;

/** The user's realm does not match the resource's (`k_EResultSteamRealmMismatch`). */
export const RESULT_STEAM_REALM_MISMATCH = 120;

/** The signature check failed (`k_EResultInvalidSignature`). */
export const RESULT_INVALID_SIGNATURE = 121;

/** Failed to parse the input (`k_EResultParseFailure`). */
export const RESULT_PARSE_FAILURE = 122;

/** The account has no verified phone number (`k_EResultNoVerifiedPhone`). */
export const RESULT_NO_VERIFIED_PHONE = 123;

/** The device battery is too low (`k_EResultInsufficientBattery`). */
export const RESULT_INSUFFICIENT_BATTERY = 124;

/** A charger must be plugged in (`k_EResultChargerRequired`). */
export const RESULT_CHARGER_REQUIRED = 125;

/** The cached credential is invalid; the user must log in again. */
export const RESULT_CACHED_CREDENTIAL_INVALID = 126;

/** The phone number is a voice-over-IP number (`K_EResultPhoneNumberIsVOIP`). */
export const RESULT_PHONE_NUMBER_IS_VOIP = 127;

/** Not supported by this API (`k_EResultNotSupported`). */
export const RESULT_NOT_SUPPORTED = 128;

/** The family has reached its maximum size (`k_EResultFamilySizeLimitExceeded`). */
export const RESULT_FAMILY_SIZE_LIMIT_EXCEEDED = 129;

/** The offline-mode cache is not enough to log in (`k_EResultOfflineAppCacheInvalid`). */
export const RESULT_OFFLINE_APP_CACHE_INVALID = 130;

/** Retry the operation later (`k_EResultTryLater`). */
export const RESULT_TRY_LATER = 131;

/** `Result` grouped: `Result.OK`, `Result.NO_MATCH`, ... */
export const Result = /*#__PURE__*/ Object.freeze({
  NONE: RESULT_NONE,
  OK: RESULT_OK,
  FAIL: RESULT_FAIL,
  NO_CONNECTION: RESULT_NO_CONNECTION,
  INVALID_PASSWORD: RESULT_INVALID_PASSWORD,
  LOGGED_IN_ELSEWHERE: RESULT_LOGGED_IN_ELSEWHERE,
  INVALID_PROTOCOL_VER: RESULT_INVALID_PROTOCOL_VER,
  INVALID_PARAM: RESULT_INVALID_PARAM,
  FILE_NOT_FOUND: RESULT_FILE_NOT_FOUND,
  BUSY: RESULT_BUSY,
  INVALID_STATE: RESULT_INVALID_STATE,
  INVALID_NAME: RESULT_INVALID_NAME,
  INVALID_EMAIL: RESULT_INVALID_EMAIL,
  DUPLICATE_NAME: RESULT_DUPLICATE_NAME,
  ACCESS_DENIED: RESULT_ACCESS_DENIED,
  TIMEOUT: RESULT_TIMEOUT,
  BANNED: RESULT_BANNED,
  ACCOUNT_NOT_FOUND: RESULT_ACCOUNT_NOT_FOUND,
  INVALID_STEAMID: RESULT_INVALID_STEAMID,
  SERVICE_UNAVAILABLE: RESULT_SERVICE_UNAVAILABLE,
  NOT_LOGGED_ON: RESULT_NOT_LOGGED_ON,
  PENDING: RESULT_PENDING,
  ENCRYPTION_FAILURE: RESULT_ENCRYPTION_FAILURE,
  INSUFFICIENT_PRIVILEGE: RESULT_INSUFFICIENT_PRIVILEGE,
  LIMIT_EXCEEDED: RESULT_LIMIT_EXCEEDED,
  REVOKED: RESULT_REVOKED,
  EXPIRED: RESULT_EXPIRED,
  ALREADY_REDEEMED: RESULT_ALREADY_REDEEMED,
  DUPLICATE_REQUEST: RESULT_DUPLICATE_REQUEST,
  ALREADY_OWNED: RESULT_ALREADY_OWNED,
  IP_NOT_FOUND: RESULT_IP_NOT_FOUND,
  PERSIST_FAILED: RESULT_PERSIST_FAILED,
  LOCKING_FAILED: RESULT_LOCKING_FAILED,
  LOG_ON_SESSION_REPLACED: RESULT_LOG_ON_SESSION_REPLACED,
  CONNECT_FAILED: RESULT_CONNECT_FAILED,
  HANDSHAKE_FAILED: RESULT_HANDSHAKE_FAILED,
  IO_FAILURE: RESULT_IO_FAILURE,
  REMOTE_DISCONNECT: RESULT_REMOTE_DISCONNECT,
  SHOPPING_CART_NOT_FOUND: RESULT_SHOPPING_CART_NOT_FOUND,
  BLOCKED: RESULT_BLOCKED,
  IGNORED: RESULT_IGNORED,
  NO_MATCH: RESULT_NO_MATCH,
  ACCOUNT_DISABLED: RESULT_ACCOUNT_DISABLED,
  SERVICE_READ_ONLY: RESULT_SERVICE_READ_ONLY,
  ACCOUNT_NOT_FEATURED: RESULT_ACCOUNT_NOT_FEATURED,
  ADMINISTRATOR_OK: RESULT_ADMINISTRATOR_OK,
  CONTENT_VERSION: RESULT_CONTENT_VERSION,
  TRY_ANOTHER_CM: RESULT_TRY_ANOTHER_CM,
  PASSWORD_REQUIRED_TO_KICK_SESSION: RESULT_PASSWORD_REQUIRED_TO_KICK_SESSION,
  ALREADY_LOGGED_IN_ELSEWHERE: RESULT_ALREADY_LOGGED_IN_ELSEWHERE,
  SUSPENDED: RESULT_SUSPENDED,
  CANCELLED: RESULT_CANCELLED,
  DATA_CORRUPTION: RESULT_DATA_CORRUPTION,
  DISK_FULL: RESULT_DISK_FULL,
  REMOTE_CALL_FAILED: RESULT_REMOTE_CALL_FAILED,
  PASSWORD_UNSET: RESULT_PASSWORD_UNSET,
  EXTERNAL_ACCOUNT_UNLINKED: RESULT_EXTERNAL_ACCOUNT_UNLINKED,
  PSN_TICKET_INVALID: RESULT_PSN_TICKET_INVALID,
  EXTERNAL_ACCOUNT_ALREADY_LINKED: RESULT_EXTERNAL_ACCOUNT_ALREADY_LINKED,
  REMOTE_FILE_CONFLICT: RESULT_REMOTE_FILE_CONFLICT,
  ILLEGAL_PASSWORD: RESULT_ILLEGAL_PASSWORD,
  SAME_AS_PREVIOUS_VALUE: RESULT_SAME_AS_PREVIOUS_VALUE,
  ACCOUNT_LOG_ON_DENIED: RESULT_ACCOUNT_LOG_ON_DENIED,
  CANNOT_USE_OLD_PASSWORD: RESULT_CANNOT_USE_OLD_PASSWORD,
  INVALID_LOG_IN_AUTH_CODE: RESULT_INVALID_LOG_IN_AUTH_CODE,
  ACCOUNT_LOG_ON_DENIED_NO_MAIL: RESULT_ACCOUNT_LOG_ON_DENIED_NO_MAIL,
  HARDWARE_NOT_CAPABLE_OF_IPT: RESULT_HARDWARE_NOT_CAPABLE_OF_IPT,
  IPT_INIT_ERROR: RESULT_IPT_INIT_ERROR,
  PARENTAL_CONTROL_RESTRICTED: RESULT_PARENTAL_CONTROL_RESTRICTED,
  FACEBOOK_QUERY_ERROR: RESULT_FACEBOOK_QUERY_ERROR,
  EXPIRED_LOGIN_AUTH_CODE: RESULT_EXPIRED_LOGIN_AUTH_CODE,
  IP_LOGIN_RESTRICTION_FAILED: RESULT_IP_LOGIN_RESTRICTION_FAILED,
  ACCOUNT_LOCKED_DOWN: RESULT_ACCOUNT_LOCKED_DOWN,
  ACCOUNT_LOG_ON_DENIED_VERIFIED_EMAIL_REQUIRED:
    RESULT_ACCOUNT_LOG_ON_DENIED_VERIFIED_EMAIL_REQUIRED,
  NO_MATCHING_URL: RESULT_NO_MATCHING_URL,
  BAD_RESPONSE: RESULT_BAD_RESPONSE,
  REQUIRE_PASSWORD_REENTRY: RESULT_REQUIRE_PASSWORD_REENTRY,
  VALUE_OUT_OF_RANGE: RESULT_VALUE_OUT_OF_RANGE,
  UNEXPECTED_ERROR: RESULT_UNEXPECTED_ERROR,
  DISABLED: RESULT_DISABLED,
  INVALID_CEG_SUBMISSION: RESULT_INVALID_CEG_SUBMISSION,
  RESTRICTED_DEVICE: RESULT_RESTRICTED_DEVICE,
  REGION_LOCKED: RESULT_REGION_LOCKED,
  RATE_LIMIT_EXCEEDED: RESULT_RATE_LIMIT_EXCEEDED,
  ACCOUNT_LOGIN_DENIED_NEED_TWO_FACTOR: RESULT_ACCOUNT_LOGIN_DENIED_NEED_TWO_FACTOR,
  ITEM_DELETED: RESULT_ITEM_DELETED,
  ACCOUNT_LOGIN_DENIED_THROTTLE: RESULT_ACCOUNT_LOGIN_DENIED_THROTTLE,
  TWO_FACTOR_CODE_MISMATCH: RESULT_TWO_FACTOR_CODE_MISMATCH,
  TWO_FACTOR_ACTIVATION_CODE_MISMATCH: RESULT_TWO_FACTOR_ACTIVATION_CODE_MISMATCH,
  ACCOUNT_ASSOCIATED_TO_MULTIPLE_PARTNERS: RESULT_ACCOUNT_ASSOCIATED_TO_MULTIPLE_PARTNERS,
  NOT_MODIFIED: RESULT_NOT_MODIFIED,
  NO_MOBILE_DEVICE: RESULT_NO_MOBILE_DEVICE,
  TIME_NOT_SYNCED: RESULT_TIME_NOT_SYNCED,
  SMS_CODE_FAILED: RESULT_SMS_CODE_FAILED,
  ACCOUNT_LIMIT_EXCEEDED: RESULT_ACCOUNT_LIMIT_EXCEEDED,
  ACCOUNT_ACTIVITY_LIMIT_EXCEEDED: RESULT_ACCOUNT_ACTIVITY_LIMIT_EXCEEDED,
  PHONE_ACTIVITY_LIMIT_EXCEEDED: RESULT_PHONE_ACTIVITY_LIMIT_EXCEEDED,
  REFUND_TO_WALLET: RESULT_REFUND_TO_WALLET,
  EMAIL_SEND_FAILURE: RESULT_EMAIL_SEND_FAILURE,
  NOT_SETTLED: RESULT_NOT_SETTLED,
  NEED_CAPTCHA: RESULT_NEED_CAPTCHA,
  GSLT_DENIED: RESULT_GSLT_DENIED,
  GS_OWNER_DENIED: RESULT_GS_OWNER_DENIED,
  INVALID_ITEM_TYPE: RESULT_INVALID_ITEM_TYPE,
  IP_BANNED: RESULT_IP_BANNED,
  GSLT_EXPIRED: RESULT_GSLT_EXPIRED,
  INSUFFICIENT_FUNDS: RESULT_INSUFFICIENT_FUNDS,
  TOO_MANY_PENDING: RESULT_TOO_MANY_PENDING,
  NO_SITE_LICENSES_FOUND: RESULT_NO_SITE_LICENSES_FOUND,
  WG_NETWORK_SEND_EXCEEDED: RESULT_WG_NETWORK_SEND_EXCEEDED,
  ACCOUNT_NOT_FRIENDS: RESULT_ACCOUNT_NOT_FRIENDS,
  LIMITED_USER_ACCOUNT: RESULT_LIMITED_USER_ACCOUNT,
  CANT_REMOVE_ITEM: RESULT_CANT_REMOVE_ITEM,
  ACCOUNT_DELETED: RESULT_ACCOUNT_DELETED,
  EXISTING_USER_CANCELLED_LICENSE: RESULT_EXISTING_USER_CANCELLED_LICENSE,
  COMMUNITY_COOLDOWN: RESULT_COMMUNITY_COOLDOWN,
  NO_LAUNCHER_SPECIFIED: RESULT_NO_LAUNCHER_SPECIFIED,
  MUST_AGREE_TO_SSA: RESULT_MUST_AGREE_TO_SSA,
  LAUNCHER_MIGRATED: RESULT_LAUNCHER_MIGRATED,
  STEAM_REALM_MISMATCH: RESULT_STEAM_REALM_MISMATCH,
  INVALID_SIGNATURE: RESULT_INVALID_SIGNATURE,
  PARSE_FAILURE: RESULT_PARSE_FAILURE,
  NO_VERIFIED_PHONE: RESULT_NO_VERIFIED_PHONE,
  INSUFFICIENT_BATTERY: RESULT_INSUFFICIENT_BATTERY,
  CHARGER_REQUIRED: RESULT_CHARGER_REQUIRED,
  CACHED_CREDENTIAL_INVALID: RESULT_CACHED_CREDENTIAL_INVALID,
  PHONE_NUMBER_IS_VOIP: RESULT_PHONE_NUMBER_IS_VOIP,
  NOT_SUPPORTED: RESULT_NOT_SUPPORTED,
  FAMILY_SIZE_LIMIT_EXCEEDED: RESULT_FAMILY_SIZE_LIMIT_EXCEEDED,
  OFFLINE_APP_CACHE_INVALID: RESULT_OFFLINE_APP_CACHE_INVALID,
  TRY_LATER: RESULT_TRY_LATER,
} as const);

/** One `Result` value. */
export type Result = (typeof Result)[keyof typeof Result];
