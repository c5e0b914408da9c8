/**
 * The host-headroom verdict as results carry it: a figure measured while the host had under
 * MIN_HOST_IDLE of its CPU idle is hostBound, and reports show it with HOST_BOUND_NOTE.
 */

/** below this share of idle host CPU, a measurement is host-bound */
export const MIN_HOST_IDLE = 0.15;

export const HOST_BOUND_NOTE = 'limited by this machine, not by the architecture';
