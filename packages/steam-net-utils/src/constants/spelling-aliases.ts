/**
 * The names Relaylane exports besides the reference's own: a correctly (or consistently) spelt
 * alias for each misspelt name of the reference, mapped to the reference name it stands for. The
 * misspelt names stay exported exactly as the reference has them, so GodotSteam code ports as is;
 * each alias is the same constant under a second name, never a different value.
 */
export const SPELLING_ALIASES = /*#__PURE__*/ Object.freeze({
  NETWORKING_SEND_UNRELIABLE_NO_NAGLE: 'NETWORKING_SEND_URELIABLE_NO_NAGLE',
  CONNECTION_END_REMOTE_MIN: 'CONNECTION_END_REMOVE_MIN',
  NETWORKING_CONFIG_FAKE_PACKET_DUP_RECV: 'NETWORKING_CONFIG_FAKE_PACKET_DUP_REVC',
  NETWORKING_CONFIG_LOG_LEVEL_SDR_RELAY_PINGS: 'NETWORKING_CONFIG_LOG_LEVEL_SRD_RELAY_PINGS',
  NETWORKING_CONFIG_CALLBACK_MESSAGES_SESSION_REQUEST:
    'NETWORKING_CONFIG_CALLBACK_MESSAGE_SESSION_REQUEST',
} as const);

/** An alias name of {@link SPELLING_ALIASES}. */
export type SpellingAlias = keyof typeof SPELLING_ALIASES;
