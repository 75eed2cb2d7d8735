package weaklink.model;

/**
 * A firm's state during one day of a replicate. When several apply on the same day the most
 * severe wins: {@link #DOWN}, then {@link #COMPROMISED}, then {@link #RECOVERED}.
 */
public enum FirmStatus {
    /** Never compromised so far this year. */
    HEALTHY,
    /** An attacker is inside, undetected, during the day. */
    COMPROMISED,
    /** In a ransomware outage during the day: detonated and not yet restored. */
    DOWN,
    /** Was compromised earlier this year and is neither compromised nor down now. */
    RECOVERED
}
