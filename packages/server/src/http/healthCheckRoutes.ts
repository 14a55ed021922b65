import { type GraphState, graphStateFromUpdate } from '@repertoire/core';
import {
  HEALTH_ELEMENTS,
  type HealthCheckOverview,
  type HealthRoundInfo,
  healthAnswerInputSchema,
  healthRoundInputSchema,
  roundQuestions,
} from '@repertoire/schema';
import { aggregateAnswers } from '../healthCheck/aggregateAnswers.ts';
import type { User } from '../store/accountStore.ts';
import { ApiError } from '../store/errors.ts';
import { HealthCheckStore, type HealthRoundRecord } from '../store/healthCheckStore.ts';
import { memberLinks } from '../store/memberLinkStore.ts';
import { parseInput } from '../store/validate.ts';
import { atLeast, type Role } from '../store/workspaceStore.ts';
import { accessOf, resolveMember } from './activityAccess.ts';
import { type ApiContext, documentState, requireRole, requireUser } from './apiContext.ts';
import { readJson, sendJson } from './httpIO.ts';
import type { Router } from './router.ts';

const BODY_LIMIT = 32 * 1024;
const normalise = (email: string) => email.trim().toLowerCase();

/**
 * How many members a round asks: every member entity of the community, plus each account that may
 * answer and is not (yet) one of them. Counted from the stored graph and the server's own records.
 */
async function invitedCount(
  api: ApiContext,
  workspaceId: string,
  graph: GraphState,
): Promise<number> {
  const members = new Set<string>();
  const emails = new Set<string>();
  for (const entity of graph.entities.values()) {
    if (entity.kind !== 'member') continue;
    members.add(entity.id);
    if (typeof entity.fields.email === 'string') emails.add(normalise(entity.fields.email));
  }
  const links = await memberLinks(api.services.db, workspaceId);
  let unlinked = 0;
  for (const account of await api.services.workspaces.members(workspaceId)) {
    if (!atLeast(account.role, 'editor')) continue;
    const member = links.get(account.userId);
    // An account is one of the members once linked, or once its email will link it.
    if (member ? members.has(member) : emails.has(normalise(account.email))) continue;
    unlinked += 1;
  }
  return members.size + unlinked;
}

/** Who the caller is here, and what they may do with health checks; decided from the session. */
interface Caller {
  readonly user: User;
  readonly role: Role;
  readonly memberId: string | undefined;
  readonly canOpen: boolean;
  readonly canAnswer: boolean;
  readonly graph: GraphState;
}

async function callerOf(
  api: ApiContext,
  request: Parameters<typeof requireUser>[1],
  id: string,
): Promise<Caller> {
  const user = await requireUser(api, request);
  const { role } = await requireRole(api, id, user, 'viewer');
  const graph = graphStateFromUpdate(await documentState(api, `${id}/graph`), api.services.kinds);
  const memberId = await resolveMember(api, id, user, graph);
  return {
    user,
    role,
    memberId,
    graph,
    // Those who see everyone's activity steward the community: owners, coordinators, facilitators.
    canOpen: accessOf(role, memberId, graph) === 'all',
    canAnswer: atLeast(role, 'editor'),
  };
}

/** The round as `caller` may see it: aggregates by the threshold, and only their own answer. */
async function roundInfo(
  api: ApiContext,
  store: HealthCheckStore,
  caller: Caller,
  workspaceId: string,
  round: HealthRoundRecord,
): Promise<HealthRoundInfo> {
  const answers = await store.answers(round.id);
  const invited = round.invited ?? (await invitedCount(api, workspaceId, caller.graph));
  const own = answers.find((a) => a.userId === caller.user.id);
  return {
    id: round.id,
    title: round.title,
    questions: round.questions,
    questionsEdited: HEALTH_ELEMENTS.some((e) => round.questions[e.id] !== e.question),
    status: round.closedAt ? 'closed' : 'open',
    openedAt: round.openedAt,
    openedBy: (await api.services.accounts.byId(round.openedBy))?.name ?? 'a former member',
    closedAt: round.closedAt,
    results: aggregateAnswers(answers, round.threshold, invited),
    myAnswer: own
      ? {
          scores: own.scores,
          comments: own.comments ?? {},
          shareComments: own.shareComments,
          updatedAt: own.updatedAt,
        }
      : null,
  };
}

/**
 * The six-elements health check (the plugin API's `healthChecks`). Answers are private: they are
 * stored here, never in the synced graph; the server stamps who answered from the session; each
 * member reads back only their own answer, and everyone (facilitators too) sees aggregates only
 * once a round has at least its threshold of answers.
 * - `GET /api/workspaces/:id/health-checks`: {@link HealthCheckOverview};
 * - `POST /api/workspaces/:id/health-checks` `{ title, questions?, threshold? }`: opens a round
 *   (owners, coordinators, facilitators);
 * - `POST /api/workspaces/:id/health-checks/:round/close`: closes it (same people);
 * - `PUT /api/workspaces/:id/health-checks/:round/answer` `{ scores, comments?, shareComments? }`:
 *   the caller's answer, while the round is open (editors and owners);
 * - `DELETE /api/workspaces/:id/health-checks/:round/answer`: withdraws it, while open.
 */
export function addHealthCheckRoutes(router: Router, api: ApiContext): void {
  const store = new HealthCheckStore(api.services.db);
  const requireSteward = (caller: Caller, what: string) => {
    if (!caller.canOpen)
      throw new ApiError(
        'forbidden',
        `only owners, coordinators and facilitators ${what} a health-check round`,
      );
  };
  const requireAnswerer = (caller: Caller) => {
    if (!caller.canAnswer)
      throw new ApiError(
        'forbidden',
        'viewers can read a round’s results but not answer it; an owner can make you an editor',
      );
  };
  const overview = async (caller: Caller, id: string): Promise<HealthCheckOverview> => ({
    canOpen: caller.canOpen,
    canAnswer: caller.canAnswer,
    rounds: await Promise.all(
      (await store.rounds(id)).map((round) => roundInfo(api, store, caller, id, round)),
    ),
  });
  const oneRound = async (caller: Caller, id: string, roundId: string) => {
    const round = await store.round(id, roundId);
    if (!round) throw new ApiError('not_found', 'no such health-check round in this workspace');
    return await roundInfo(api, store, caller, id, round);
  };

  router.add('GET', '/api/workspaces/:id/health-checks', async ({ request, response, params }) => {
    const id = params.id as string;
    sendJson(response, 200, await overview(await callerOf(api, request, id), id));
  });

  router.add('POST', '/api/workspaces/:id/health-checks', async ({ request, response, params }) => {
    const id = params.id as string;
    const caller = await callerOf(api, request, id);
    requireSteward(caller, 'open');
    const input = parseInput(healthRoundInputSchema, await readJson(request, BODY_LIMIT));
    const round = await store.open({
      workspaceId: id,
      title: input.title,
      questions: roundQuestions(input.questions),
      threshold: input.threshold,
      openedBy: caller.user.id,
    });
    api.services.logger.info({ workspaceId: id, roundId: round.id }, 'health-check round opened');
    sendJson(response, 201, { round: await roundInfo(api, store, caller, id, round) });
  });

  router.add(
    'POST',
    '/api/workspaces/:id/health-checks/:round/close',
    async ({ request, response, params }) => {
      const id = params.id as string;
      const caller = await callerOf(api, request, id);
      requireSteward(caller, 'close');
      const roundId = params.round as string;
      await store.close(id, roundId, caller.user.id, await invitedCount(api, id, caller.graph));
      sendJson(response, 200, { round: await oneRound(caller, id, roundId) });
    },
  );

  router.add(
    'PUT',
    '/api/workspaces/:id/health-checks/:round/answer',
    async ({ request, response, params }) => {
      const id = params.id as string;
      const caller = await callerOf(api, request, id);
      requireAnswerer(caller);
      const roundId = params.round as string;
      const answer = parseInput(healthAnswerInputSchema, await readJson(request, BODY_LIMIT));
      await store.answer(
        id,
        roundId,
        { userId: caller.user.id, memberId: caller.memberId ?? null },
        answer,
      );
      sendJson(response, 200, { round: await oneRound(caller, id, roundId) });
    },
  );

  router.add(
    'DELETE',
    '/api/workspaces/:id/health-checks/:round/answer',
    async ({ request, response, params }) => {
      const id = params.id as string;
      const caller = await callerOf(api, request, id);
      requireAnswerer(caller);
      const roundId = params.round as string;
      await store.withdraw(id, roundId, caller.user.id);
      sendJson(response, 200, { round: await oneRound(caller, id, roundId) });
    },
  );
}
