import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { SendResult } from '../../../shared/protocol.js';
import { isModerator } from '../../../shared/rules/floor.js';
import { mayInvite } from '../../../shared/rules/membership.js';
import { CaucusInbox } from '../console/CaucusInbox.js';
import { ConsolePanel } from '../console/ConsolePanel.js';
import { forgetRoom, loadRoom, updateRoom, type StoredRoom } from '../credentials.js';
import { KIND_WORDS, RECORD_MODE_WORDS } from '../labels.js';
import { usePageTitle } from '../pageTitle.js';
import { RoomProvider, useRoom, useRoomActions } from '../room/RoomProvider.js';
import { draftKey, useDraft } from '../room/drafts.js';
import type { Held } from '../room/types.js';
import { navigate } from '../router.js';
import { AgendaPanel } from './AgendaPanel.js';
import { AppLink } from './AppLink.js';
import { BreakOverlay } from './BreakOverlay.js';
import { Conversation } from './Conversation.js';
import { DeleteRoom } from './DeleteRoom.js';
import { HeatMeter } from './HeatMeter.js';
import { InvitePanel } from './InvitePanel.js';
import { Participants } from './Participants.js';
import { PrepPanel } from './PrepPanel.js';
import { ReconnectBanner } from './ReconnectBanner.js';
import { ReviewDialog } from './ReviewDialog.js';
import { DeletionNotice, RoomRecords } from './RoomRecords.js';
import { SafetyNotice, useOpenNotice } from './SafetyNotice.js';
import { Tabs, type TabId } from './Tabs.js';

// The agreement (and Yjs with it) loads when it is first opened.
const AgreementPanel = lazy(() => import('./AgreementPanel.js').then((m) => ({ default: m.AgreementPanel })));

export function RoomScreen({ roomId }: { roomId: string }) {
  const [creds] = useState<StoredRoom | null>(() => loadRoom(roomId));
  if (!creds) return <NotOnThisDevice />;
  return (
    <RoomProvider creds={creds}>
      <Room roomId={roomId} />
    </RoomProvider>
  );
}

function NotOnThisDevice() {
  usePageTitle('Your room');
  return (
    <div className="page narrow">
      <h1>This room is not open on this device</h1>
      <p>
        To come in, please open the invite link you were sent. If you started this room on another device, continue
        there.
      </p>
      <p>
        <AppLink to="/">Start a new room</AppLink>
      </p>
    </div>
  );
}

/**
 * The server no longer knows this device's key: the room was closed, or the server restarted and the rooms
 * it kept in memory are gone. Said once and plainly, instead of "connecting" forever.
 */
function RoomGone({ roomId }: { roomId: string }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <div className="page narrow" data-testid="room-gone">
      <h1 ref={headingRef} tabIndex={-1}>
        This room is no longer here
      </h1>
      <p>
        We could not open this room again. It may have been closed, your place in it may have ended (the host or a
        mediator can do that, or you left), or our service may have restarted: for now rooms are kept only while the
        service runs, so a restart ends them, and what was written in them is gone.
      </p>
      <p>
        To carry on, start a new room and invite the others again. You can begin with your own preparation, as before.
      </p>
      <p>
        <button
          type="button"
          className="primary"
          onClick={() => {
            forgetRoom(roomId);
            navigate('/', true);
          }}
        >
          Back to the start page
        </button>
      </p>
    </div>
  );
}

function Room({ roomId }: { roomId: string }) {
  const room = useRoom();
  const actions = useRoomActions();
  const { view, creds, me, ready } = room;
  const [tab, setTab] = useState<TabId | null>(null);
  const [held, setHeld] = useState<Held | null>(null);
  /** When (this device's clock) one of my messages was last held for safety: the pause that follows is mine. */
  const [safetyHeldAt, setSafetyHeldAt] = useState<number | null>(null);
  const [draft, setDraft] = useDraft(draftKey(roomId, me.participantId, 'room'));
  const [announce, setAnnounce] = useState('');
  const returnFocus = useRef<HTMLElement | null>(null);
  /** Private safety notices set aside with "Carry on" (or acted on): the newest open one shows above the tabs. */
  const [setAside, setSetAside] = useState<ReadonlySet<string>>(new Set());
  const notice = useOpenNotice(setAside);
  const putAside = (id: string) => setSetAside((s) => new Set([...s, id]));
  const focusAfterReview = useRef<'composer' | 'prep' | 'return' | null>(null);

  // Once the review dialog is gone (and the page is no longer inert), put focus back where it belongs.
  useEffect(() => {
    if (held || !focusAfterReview.current) return;
    const ids = { composer: 'composer', prep: 'prep-input' } as const;
    const to = focusAfterReview.current;
    const target = to === 'return' ? returnFocus.current : document.getElementById(ids[to]);
    focusAfterReview.current = null;
    // The composer, or on a break (which replaces the conversation) the break's heading.
    const fallback = document.getElementById('composer') ?? document.getElementById('break-heading');
    (target?.isConnected ? target : fallback)?.focus();
  }, [held]);

  const mine = view?.participants.find((p) => p.participantId === me.participantId);
  /** A party still in their own preparation (mediators and observers have none). */
  const preparing = mine?.stage === 'prep';
  const observer = me.role === 'observer';
  const mediator = me.role === 'mediator';
  // Observers and mediators have no preparation space; the host and mediators have the console.
  const withPrep = !observer && !mediator;
  const withConsole = isModerator(me.role);
  // The first tab follows the person and the phase: prepare alone first, then talk, then agree.
  // A mediator lands on the console, which runs the session.
  const agreeing = view?.phase === 'agreement' || view?.phase === 'final';
  const byPhase: TabId = mediator ? 'console' : agreeing ? 'agreement' : preparing ? 'prep' : 'room';
  const chosen: TabId = tab ?? byPhase;
  const current: TabId = (!withPrep && chosen === 'prep') || (!withConsole && chosen === 'console') ? 'room' : chosen;
  const [enterError, setEnterError] = useState('');
  /** A mediator away from the console is told that someone wrote to them privately (never what). */
  const [caucusNote, setCaucusNote] = useState('');
  const lastCaucus = room.caucus[room.caucus.length - 1];
  useEffect(() => {
    if (!mediator || !lastCaucus || lastCaucus.from === me.participantId || current === 'console') return;
    const note = `${room.names.get(lastCaucus.from) ?? 'Someone'} wrote to you privately.`;
    setCaucusNote(note);
    setAnnounce(note);
  }, [lastCaucus?.id]);
  useEffect(() => {
    if (current === 'console') setCaucusNote('');
  }, [current]);

  async function enter(): Promise<void> {
    setEnterError('');
    const res = await actions.enter();
    if (!res.ok) {
      setEnterError(res.error.message);
      return;
    }
    setTab('room');
    setAnnounce('You are in the conversation now.');
  }

  const phase = view?.phase;
  const prevPhase = useRef(phase);
  useEffect(() => {
    if (prevPhase.current === 'prep' && phase === 'joint') {
      setAnnounce('The joint conversation has started.');
    }
    prevPhase.current = phase;
  }, [phase]);

  // Who the conversation waits for: the parties still preparing, by name, or someone not yet here.
  const stillPreparing = (view?.participants ?? []).filter(
    (p) => p.stage === 'prep' && p.participantId !== me.participantId,
  );
  const waitingFor =
    stillPreparing.length > 0
      ? `${stillPreparing.map((p) => p.name).join(' and ')} ` +
        `${stillPreparing.length > 1 ? 'are' : 'is'} still preparing.`
      : 'No one else has entered yet.';

  usePageTitle(view?.title || creds.title || 'Your room');

  // A closed room is forgotten on this device too.
  useEffect(() => {
    if (room.deleted) forgetRoom(roomId);
  }, [room.deleted, roomId]);

  useEffect(() => {
    if (view?.title && view.title !== creds.title) updateRoom(roomId, { title: view.title });
  }, [view?.title]); // only a new title is worth storing

  // A review left open before a reload (or a dropped connection) opens again, from the server's copy.
  const heldOnConnect = room.heldOnConnect;
  // Only a new list from the server reopens it (not a review the person just closed).
  useEffect(() => {
    const newest = heldOnConnect[heldOnConnect.length - 1];
    if (!newest || held) return;
    returnFocus.current = document.activeElement as HTMLElement | null;
    setHeld(newest);
    if (!newest.review.originalAllowed) setSafetyHeldAt(Date.now());
    setAnnounce('Your message is still waiting for you to look at it. Nothing has been sent.');
  }, [heldOnConnect]);

  if (room.deleted) {
    return (
      <div className="page narrow">
        <h1>This room has been closed</h1>
        <p>
          The host closed the room and its conversation, preparation notes and agreement were deleted. Thank you for
          taking part.
        </p>
        <p>
          <AppLink to="/">Back to the start</AppLink>
        </p>
      </div>
    );
  }

  if (room.connection.state === 'refused') return <RoomGone roomId={roomId} />;

  const onBreak = view?.break && view.break.endsAt > Date.now() ? view.break : null;

  /** Outcome of a send, share or resolve: delivered, held for review, or dropped. */
  function onResult(result: SendResult, clientMsgId: string, text: string): void {
    if (result.status === 'held') {
      if (!held) returnFocus.current = document.activeElement as HTMLElement | null;
      setHeld({ clientMsgId, text, review: result.review });
      if (!result.review.originalAllowed) setSafetyHeldAt(Date.now());
      setAnnounce('Your message is waiting for you to look at it. Nothing has been sent.');
    } else {
      setHeld(null);
      if (result.status === 'delivered') {
        room.addEntry(result.message);
        setAnnounce('Your message was delivered.');
      } else setAnnounce('Your message was not sent.');
      focusAfterReview.current = 'return';
    }
  }

  return (
    <div className="room-layout">
      <header className="room-header">
        <div className="room-title">
          <h1>{view?.title || creds.title || 'Your room'}</h1>
          {view && (
            <p className="muted small">
              {KIND_WORDS[view.kind]} · {RECORD_MODE_WORDS[view.recordMode].title.toLowerCase()} · you are {me.name}
              {me.role !== 'participant' ? ` (${me.role})` : ''}
            </p>
          )}
        </div>
        {view && <HeatMeter heat={view.heat} paused={onBreak !== null} />}
      </header>

      <ReconnectBanner connection={room.connection} />
      {view && <DeletionNotice view={view} creds={creds} />}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announce}
      </p>
      {view?.phase === 'prep' && preparing && me.role === 'host' && view.participants.length === 1 && (
        <p className="notice">
          Only you are here so far. Take your time to prepare privately, and invite the other person when you feel
          ready. Each of you enters the conversation when ready.
        </p>
      )}
      {observer && (
        <p className="notice" data-testid="observer-note">
          You are observing. You can read the conversation and the agreement as they happen, and see who is here. You
          cannot write to the room, prepare, or accept and sign: that is for the people taking part, who can see that
          you are here.
        </p>
      )}
      {withConsole && view?.phase === 'final' && current !== 'console' && (
        <p className="notice">
          Everyone has signed. A short summary of how the session went is in your{' '}
          <button type="button" className="link-button" onClick={() => setTab('console')}>
            console
          </button>
          .
        </p>
      )}
      {caucusNote && (
        <p className="notice" data-testid="caucus-note">
          {caucusNote}{' '}
          <button type="button" className="link-button" onClick={() => setTab('console')}>
            Open it in your console
          </button>
        </p>
      )}
      {view?.phase === 'prep' && !preparing && !observer && (
        <p className="notice" data-testid="waiting-note">
          The conversation opens when someone else enters it too. {waitingFor}
        </p>
      )}
      {enterError && (
        <p className="error" role="alert">
          {enterError}
        </p>
      )}

      <div className="room-body">
        <div className="room-main">
          {/* Above the tabs, so a break (which covers the conversation) never hides it */}
          {notice && (
            <SafetyNotice
              key={notice.id}
              entry={notice}
              onTalk={() => {
                putAside(notice.id);
                setTab('prep');
              }}
              onLeave={() => navigate('/', true)}
              onDone={() => putAside(notice.id)}
            />
          )}
          {!withConsole && ready && view && <CaucusInbox />}
          <Tabs
            current={current}
            onChange={setTab}
            onBreak={Boolean(onBreak)}
            withPrep={withPrep}
            withConsole={withConsole}
          />
          <div
            className="tab-panel"
            role="tabpanel"
            id={`panel-${current}`}
            aria-labelledby={`tab-${current}`}
            tabIndex={-1}
          >
            {current === 'console' && ready && view && <ConsolePanel />}
            {current === 'prep' && ready && (
              <PrepPanel
                onShared={onResult}
                // In a separated room a point crosses only through "Pass a point on", after approval.
                // Sharing a point puts it in the room: it waits until the person has entered.
                canShare={!observer && !view?.separated && !preparing}
                screening={me.role === 'host' || me.role === 'participant'}
                onEnter={preparing ? () => void enter() : undefined}
              />
            )}
            {current === 'room' && ready && view && (
              <>
                {/* A break covers the conversation; the draft and the log wait for it in this screen's state */}
                {onBreak && (
                  <BreakOverlay
                    brk={onBreak}
                    onPrepare={() => setTab('prep')}
                    blocked={Boolean(held)}
                    safetyHeldAt={safetyHeldAt}
                  />
                )}
                {!onBreak && (
                  <Conversation
                    draft={draft}
                    setDraft={setDraft}
                    onResult={onResult}
                    onPropose={() => setTab('agreement')}
                    onEnter={() => void enter()}
                  />
                )}
              </>
            )}
            {current === 'agreement' && ready && view && (
              <Suspense fallback={<p className="muted">Opening the agreement…</p>}>
                <AgreementPanel />
              </Suspense>
            )}
            {!ready || !view ? <p className="muted">Connecting you to the room…</p> : null}
          </div>
        </div>
        <aside className="room-side" aria-label="People, agenda and invitations">
          {view && <AgendaPanel />}
          {view && <Participants view={view} me={me} />}
          {me.role === 'host' && view && <InvitePanel creds={creds} partiesFull={!mayInvite(view, 'participant')} />}
          {view && <RoomRecords view={view} creds={creds} />}
          {me.role === 'host' && view && <DeleteRoom creds={creds} view={view} />}
        </aside>
      </div>

      {held && ready && (
        <ReviewDialog
          held={held}
          onResult={onResult}
          onTakeBack={(text) => {
            setHeld(null);
            setDraft(text);
            setTab('room');
            setAnnounce('Your message was not sent. It is back in your draft to rewrite.');
            focusAfterReview.current = 'composer';
          }}
          onTalkPrivately={() => {
            setHeld(null);
            setTab('prep');
            setAnnounce('Your message was not sent. This is your private space with the facilitator; only you see it.');
            focusAfterReview.current = 'prep';
          }}
        />
      )}
    </div>
  );
}
