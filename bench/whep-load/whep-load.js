#!/usr/bin/env node
// WHEP load client for the WhepViewersBenchmark (docs/benchmarks.md, "WHEP viewers").
//
// Opens one real WHEP session per pass (werift: ICE, DTLS, SRTP in pure TypeScript; recvonly video
// and audio, non-trickle), counts the RTP packets and bytes each viewer receives and decodes
// nothing. Like a browser, a viewer asks for a key frame (RTCP PLI) while it has received video but
// no key frame yet, once a second. A viewer that stops receiving for 2 s (its viewer worker died)
// closes, DELETEs its resource and negotiates again with the same pass, as the attendee page does.
//
// Talks only to 127.0.0.1: host candidates on loopback only, and only pairs with a loopback peer.
//
// Usage: node whep-load.js --url http://127.0.0.1:8081/api/rooms/<id>/whep --passes <file, one per line>
//          [--seconds 20] [--join-ms 1000] [--settle-ms 3000] [--max-ms 180000]
// Prints `READY {json}` when every viewer has media (or join time ran out) and the settle time is
// over, then measures for --seconds and prints `SUMMARY {json}`, then DELETEs every session and
// exits. A line on stdin "stop" ends the measurement early; --max-ms bounds the whole run.
'use strict';

const os = require('node:os');
// werift adds every non-internal interface address as a host candidate; this client never offers
// anything but loopback, whatever namespace it runs in.
os.networkInterfaces = () => ({});
const fs = require('node:fs');
const { RTCPeerConnection, RTCRtpCodecParameters } = require('werift');

const args = parseArgs(process.argv.slice(2));
const whepUrl = required('url');
const passes = fs.readFileSync(required('passes'), 'utf8').split('\n').map((line) => line.trim()).filter(Boolean);
const measureMs = Number(args.seconds ?? 20) * 1000;
const joinMs = Number(args['join-ms'] ?? 1000);
const settleMs = Number(args['settle-ms'] ?? 3000);
const maxMs = Number(args['max-ms'] ?? 180000);
const STALL_MS = 2000;
const FIRST_MEDIA_MS = 6000;

const hardStop = setTimeout(() => {
  console.log('ABORT the run took longer than --max-ms ' + maxMs);
  process.exit(3);
}, maxMs);

const viewers = passes.map((pass, index) => ({
  index, pass, pc: null, location: null, posts: 0, refusals: [], connects: 0, reconnects: 0,
  packets: 0, bytes: 0, videoPackets: 0, audioPackets: 0, keyFrames: 0, plisSent: 0,
  postMs: null, firstMediaMs: null, firstKeyFrameMs: null, lastPacketAt: 0, connectedAt: 0, gaps: [], gapParts: [], gapStart: null, lastPost: null,
}));

let stopping = false;

function parseArgs(list) {
  const parsed = {};
  for (let i = 0; i < list.length; i += 2) parsed[list[i].replace(/^--/, '')] = list[i + 1];
  return parsed;
}

function required(name) {
  if (!args[name]) {
    console.error('missing --' + name);
    process.exit(2);
  }
  return args[name];
}

function loopbackOnly(pair) {
  return pair.remoteCandidate.host.startsWith('127.') && pair.localCandidate.host.startsWith('127.');
}

/** VP8 payload (RFC 7741): key frame when this packet starts partition 0 and the P bit is 0. */
function isVp8KeyFrameStart(payload) {
  if (payload.length < 1) return false;
  const x = payload[0] & 0x80;
  const start = payload[0] & 0x10;
  const partition = payload[0] & 0x07;
  if (!start || partition !== 0) return false;
  let offset = 1;
  if (x) {
    const ext = payload[offset++];
    if (ext & 0x80) offset += (payload[offset] & 0x80) ? 2 : 1; // picture id
    if (ext & 0x40) offset += 1; // TL0PICIDX
    if (ext & 0x30) offset += 1; // TID / KEYIDX
  }
  return offset < payload.length && (payload[offset] & 0x01) === 0;
}

async function connect(viewer) {
  const began = Date.now();
  const pc = new RTCPeerConnection({
    bundlePolicy: 'max-bundle',
    iceUseIpv6: false,
    iceAdditionalHostAddresses: ['127.0.0.1'],
    iceInterfaceAddresses: { udp4: '127.0.0.1' },
    iceFilterCandidatePair: loopbackOnly,
    codecs: {
      // Chromium's own payload numbers for VP8 and Opus, which are the forwarded ones: no re-payloading.
      video: [new RTCRtpCodecParameters({ mimeType: 'video/VP8', clockRate: 90000, payloadType: 96,
        rtcpFeedback: [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }, { type: 'ccm', parameter: 'fir' }] })],
      audio: [new RTCRtpCodecParameters({ mimeType: 'audio/opus', clockRate: 48000, channels: 2, payloadType: 111 })],
    },
  });
  const video = pc.addTransceiver('video', { direction: 'recvonly' });
  pc.addTransceiver('audio', { direction: 'recvonly' });
  pc.onTrack.subscribe((track) => {
    let keyFrameSeen = false;
    let lastPli = 0;
    track.onReceiveRtp.subscribe((rtp) => {
      if (viewer.pc !== pc) return;
      const now = Date.now();
      if (viewer.gapStart !== null) {
        viewer.gaps.push(now - viewer.gapStart);
        // Where a reconnect's time went: silence until the POST that worked, its answer, then ICE/DTLS to media.
        viewer.gapParts.push({ toPost: viewer.lastPost.at - viewer.gapStart,
          post: viewer.lastPost.answeredAt - viewer.lastPost.at, toMedia: now - viewer.lastPost.answeredAt });
        viewer.gapStart = null;
      }
      viewer.packets++;
      viewer.bytes += rtp.payload.length + 12;
      viewer.lastPacketAt = now;
      if (viewer.firstMediaMs === null) viewer.firstMediaMs = now - began;
      if (track.kind === 'video') {
        viewer.videoPackets++;
        if (isVp8KeyFrameStart(rtp.payload)) {
          viewer.keyFrames++;
          if (!keyFrameSeen && viewer.firstKeyFrameMs === null) viewer.firstKeyFrameMs = now - began;
          keyFrameSeen = true;
        } else if (!keyFrameSeen && now - lastPli >= 1000) {
          lastPli = now;
          viewer.plisSent++;
          video.receiver.sendRtcpPLI(rtp.header.ssrc).catch(() => {});
        }
      } else {
        viewer.audioPackets++;
      }
    });
  });
  await pc.setLocalDescription(await pc.createOffer());
  await gathered(pc);
  viewer.posts++;
  const postAt = Date.now();
  let response;
  try {
    response = await fetch(whepUrl, {
      method: 'POST', body: pc.localDescription.sdp,
      headers: { 'Content-Type': 'application/sdp', Authorization: 'Bearer ' + viewer.pass },
    });
  } catch (e) {
    await pc.close();
    return { status: 0, body: String(e) };
  }
  const body = await response.text();
  if (response.status !== 201) {
    await pc.close();
    viewer.refusals.push(response.status);
    return { status: response.status, body, retryAfter: response.headers.get('Retry-After') };
  }
  if (viewer.postMs === null) viewer.postMs = Date.now() - began;
  viewer.lastPost = { at: postAt, answeredAt: Date.now() };
  viewer.location = new URL(response.headers.get('Location'), whepUrl).toString();
  viewer.pc = pc;
  viewer.connectedAt = Date.now();
  viewer.connects++;
  await pc.setRemoteDescription({ type: 'answer', sdp: body });
  pc.connectionStateChange.subscribe((state) => {
    if (state === 'failed' || state === 'closed') reconnect(viewer, pc);
  });
  return { status: 201 };
}

function gathered(pc) {
  return new Promise((resolve) => {
    if (pc.iceGatheringState === 'complete') return resolve();
    pc.iceGatheringStateChange.subscribe((state) => { if (state === 'complete') resolve(); });
  });
}

async function connectUntilServed(viewer) {
  while (!stopping) {
    const result = await connect(viewer).catch((e) => ({ status: -1, body: String(e) }));
    if (result.status === 201) return;
    await sleep(500);
  }
}

function reconnect(viewer, pc) {
  if (stopping || viewer.pc !== pc) return;
  viewer.pc = null;
  viewer.reconnects++;
  if (viewer.gapStart === null) viewer.gapStart = viewer.lastPacketAt || Date.now();
  const location = viewer.location;
  pc.close().catch(() => {});
  remove(location, viewer.pass);
  setTimeout(() => connectUntilServed(viewer), 200);
}

function remove(location, pass) {
  if (!location) return Promise.resolve();
  return fetch(location, { method: 'DELETE', headers: { Authorization: 'Bearer ' + pass } })
    .then((response) => response.status).catch(() => 0);
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function snapshot() {
  return viewers.map((viewer) => ({ packets: viewer.packets, bytes: viewer.bytes, video: viewer.videoPackets,
    audio: viewer.audioPackets }));
}

function percentile(values, p) {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)];
}

async function main() {
  const started = Date.now();
  const stallWatch = setInterval(() => {
    const now = Date.now();
    for (const viewer of viewers) {
      // Silent for 2 s since its last packet; a new connection gets 6 s for ICE and DTLS before its first one.
      const fresh = viewer.lastPacketAt < viewer.connectedAt;
      const silent = fresh ? now - viewer.connectedAt > FIRST_MEDIA_MS : now - viewer.lastPacketAt > STALL_MS;
      if (viewer.pc && viewer.lastPacketAt && silent) reconnect(viewer, viewer.pc);
    }
  }, 250);
  // Joins spread evenly over --join-ms.
  const joins = viewers.map((viewer, i) => sleep(viewers.length > 1 ? (joinMs * i) / (viewers.length - 1) : 0)
    .then(() => connectUntilServed(viewer)));
  await Promise.all(joins);
  const joinedMs = Date.now() - started;
  const mediaDeadline = Date.now() + 30000;
  while (viewers.some((viewer) => !viewer.lastPacketAt) && Date.now() < mediaDeadline) await sleep(100);
  await sleep(settleMs);
  const cpuBefore = process.cpuUsage();
  const before = snapshot();
  const from = Date.now();
  console.log('READY ' + JSON.stringify({ viewers: viewers.length, joinedMs, withMedia: viewers.filter((v) => v.lastPacketAt).length }));
  let stopRequested = false;
  process.stdin.on('data', (data) => { if (String(data).includes('stop')) stopRequested = true; });
  while (!stopRequested && Date.now() - from < measureMs) await sleep(100);
  const seconds = (Date.now() - from) / 1000;
  const after = snapshot();
  const cpu = process.cpuUsage(cpuBefore);
  const rates = viewers.map((viewer, i) => (after[i].packets - before[i].packets) / seconds);
  const summary = {
    viewers: viewers.length,
    connected: viewers.filter((viewer) => viewer.connects > 0).length,
    seconds,
    joinedMs,
    noMediaInWindow: rates.filter((rate) => rate === 0).length,
    packetsPerSecondPerViewer: { min: Math.min(...rates), median: percentile(rates, 0.5), max: Math.max(...rates) },
    videoPacketsPerSecondPerViewer: percentile(viewers.map((v, i) => (after[i].video - before[i].video) / seconds), 0.5),
    audioPacketsPerSecondPerViewer: percentile(viewers.map((v, i) => (after[i].audio - before[i].audio) / seconds), 0.5),
    kbitPerSecondPerViewer: percentile(viewers.map((v, i) => ((after[i].bytes - before[i].bytes) * 8) / 1000 / seconds), 0.5),
    postToAnswerMs: { p50: percentile(viewers.map((v) => v.postMs).filter((v) => v !== null), 0.5),
      max: percentile(viewers.map((v) => v.postMs).filter((v) => v !== null), 1) },
    firstMediaMs: { p50: percentile(viewers.map((v) => v.firstMediaMs).filter((v) => v !== null), 0.5),
      max: percentile(viewers.map((v) => v.firstMediaMs).filter((v) => v !== null), 1) },
    firstKeyFrameMs: { p50: percentile(viewers.map((v) => v.firstKeyFrameMs).filter((v) => v !== null), 0.5),
      max: percentile(viewers.map((v) => v.firstKeyFrameMs).filter((v) => v !== null), 1),
      without: viewers.filter((v) => v.firstKeyFrameMs === null).length },
    plisSent: viewers.reduce((sum, v) => sum + v.plisSent, 0),
    refusals: viewers.reduce((sum, v) => sum + v.refusals.length, 0),
    reconnects: viewers.reduce((sum, v) => sum + v.reconnects, 0),
    viewersReconnected: viewers.filter((v) => v.reconnects > 0).length,
    gapMs: { p50: percentile(viewers.flatMap((v) => v.gaps), 0.5), max: percentile(viewers.flatMap((v) => v.gaps), 1),
      open: viewers.filter((v) => v.gapStart !== null).length,
      p50Parts: ['toPost', 'post', 'toMedia'].reduce((parts, key) => ({ ...parts,
        [key]: percentile(viewers.flatMap((v) => v.gapParts.map((part) => part[key])), 0.5) }), {}) },
    clientCpuPercentOfOneCore: ((cpu.user + cpu.system) / 1000 / (seconds * 1000)) * 100,
  };
  console.log('SUMMARY ' + JSON.stringify(summary));
  stopping = true;
  clearInterval(stallWatch);
  const deletes = await Promise.all(viewers.map((viewer) => {
    const pc = viewer.pc;
    viewer.pc = null;
    if (pc) pc.close().catch(() => {});
    return remove(viewer.location, viewer.pass);
  }));
  console.log('DELETED ' + JSON.stringify(deletes.reduce((counts, status) => ({ ...counts, [status]: (counts[status] || 0) + 1 }), {})));
  clearTimeout(hardStop);
  process.exit(0);
}

main().catch((e) => {
  console.log('ABORT ' + (e && e.stack ? e.stack : e));
  process.exit(1);
});
