/** The strategies of DOMAIN.md "Routing", named as in Asterisk's queue. */
export type StrategyName =
  | 'ringall'
  | 'leastrecent'
  | 'fewestcalls'
  | 'random'
  | 'rrmemory'
  | 'linear'
  | 'wrandom';

/** One member of the campaign, as the router needs to see them at the moment of the decision. */
export interface Candidate {
  agentId: string;
  /** 0..100; lower is preferred, and for all strategies but wrandom a strict tier. */
  penalty: number;
  /** Member order, 0-based: the order admins gave the list. */
  position: number;
  loggedIn: boolean;
  onBreak: boolean;
  /** Open interactions that count against this campaign's `maxInteractionsPerAgent`. */
  active: number;
  /** Epoch ms the agent's last interaction of this campaign ended; null = never. */
  lastEndedAt: number | null;
  /** Interactions of this campaign the agent completed today (campaign time zone). */
  completedToday: number;
}

/** What a strategy remembers between decisions; the caller stores it with the campaign. */
export interface RoutingCursor {
  /** The member who got the previous interaction (rrmemory resumes after them). */
  lastAgentId?: string | null;
}

export interface RoutingInput {
  strategy: StrategyName;
  /** Every member of the campaign, eligible or not, in any order. */
  candidates: Candidate[];
  maxPerAgent: number;
  now: number;
  /** Uniform in [0, 1); the only source of randomness a strategy may use. */
  random: () => number;
  cursor: RoutingCursor;
}

export type NoneReason = 'no-members' | 'nobody-logged-in' | 'all-on-break' | 'all-at-capacity';

export type Decision =
  | { kind: 'assign'; agentId: string; cursor: RoutingCursor }
  /** ringall: offered to all of them at once; the first to accept takes it. */
  | { kind: 'offer'; agentIds: string[]; cursor: RoutingCursor }
  | { kind: 'none'; reason: NoneReason };

/** What `decide` hands every strategy, so that none of them repeats the eligibility rules. */
export interface StrategyContext {
  /** Eligible members with the lowest penalty among them, in member order; never empty. */
  tier: readonly Candidate[];
  /** Every eligible member, in member order; never empty. Only wrandom looks past the tier. */
  eligible: readonly Candidate[];
  /** The untouched input: cursor, random source, and all members (rrmemory needs the ineligible). */
  input: RoutingInput;
}

/** One signature for every strategy: see strategies.contract.test.ts for what each must keep. */
export type Strategy = (context: StrategyContext) => Decision;
