/**
 * IP address text as Steam's networking API reads and writes it: IPv4 addresses as host-order
 * uint32 values with a uint16 port, including the IPv4-mapped IPv6 spellings.
 */
export { formatDottedQuad, parseDottedQuad } from './dotted-quad.js';
export {
  formatIPv4,
  isIPv4Number,
  isPortNumber,
  MAX_IP_ADDRESS_TEXT_LENGTH,
  MAX_IPV4,
  MAX_PORT,
  type ParsedIPv4Address,
  parseIPv4Address,
} from './ipv4.js';
export { ipv4FromMappedGroups, MAX_IPV6_TEXT_LENGTH, parseIPv6Groups } from './ipv6-text.js';
