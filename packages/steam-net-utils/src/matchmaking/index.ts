/**
 * Matchmaking pieces over the Networking Utils service, engine-agnostic: the region picker
 * (`RegionSelector`), the lobby ranking by estimated ping (`LobbyPingRanking`) and the ping
 * quality bands a UI colours by (`pingQualityBand`).
 */
export {
  DEFAULT_MAX_CACHED_PING_LOCATIONS,
  LobbyPingRanking,
  type LobbyPingRankingOptions,
  type LobbyWithPingLocation,
  type PingLocationSource,
  type RankedLobby,
} from './lobby-ping-ranking.js';
export { RegionSelectorError, type RegionSelectorErrorCode } from './matchmaking-errors.js';
export {
  createPingBandClassifier,
  DEFAULT_PING_BAND_THRESHOLDS,
  PING_BANDS,
  type PingBand,
  type PingBandClassifier,
  type PingBandThresholds,
  pingQualityBand,
} from './ping-quality-band.js';
export { COUNTING_SORT_MAX_PING, PingOrder } from './ping-order.js';
export {
  type CandidateReading,
  compareCandidates,
  type DataCenterPingSource,
  type PopLossSource,
  readCandidates,
  type RegionCandidate,
  type RegionChoice,
} from './region-candidates.js';
export {
  DEFAULT_REGION_MIN_BETTER_MS,
  DEFAULT_REGION_REFRESH_INTERVAL_MS,
  DEFAULT_REGION_SWITCH_MARGIN_MS,
  DEFAULT_REGION_SWITCH_RATIO,
  type RegionChangeReason,
  RegionSelector,
  type RegionSelectorOptions,
  type RegionSelectorSignals,
} from './region-selector.js';
