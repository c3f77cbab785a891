/**
 * Ping-location strings written by real Steam clients, as they were found (in logs, lobby
 * metadata and other projects' test fixtures). Every one has exactly 12 entries, best route first.
 */

/** One real string and where it comes from. */
export interface RealPingLocation {
  /** The text exactly as the client wrote it. */
  readonly text: string;
  /** A short description of who wrote it, where it was found and when. */
  readonly source: string;
}

export const REAL_PING_LOCATIONS: readonly RealPingLocation[] = [
  {
    text: 'lhr=57+5,ams=63+6/62+5,par=62+6,fra=70+7/69+6,sto=79+9/81+5,mad=81+8/81+6,vie=86+8/82+5,sto2=95+9/82+5,waw=87+8/84+6,iad=141+14/138+6,sgp=211+21/212+21,gru=236+23',
    source: 'UK player, CS:GO console, 2021',
  },
  {
    text: 'sea=17+1,lax=43+4/40+1,ord=42+4,iad=74+7/60+4,atl=76+7/62+4,dfw=64+6/65+1,tyo1=147+14/109+1,tyo=141+14/110+1,par=166+16/136+4,fra=153+15/146+4,gru=181+18,sgp=221+22/208+17',
    source: 'US west coast player, CS2 console, 2023 or later',
  },
  {
    text: 'dfw=225+22,atl=/246+22,ord=/246+22,lax=/258+22,iad=/268+22,sea=/281+22,scl=299+29,lim=333+33/328+29,fra=/344+22,sof=345+34,gru=/352+29,sgp=/442+22',
    source: 'Player behind a firewall that blocked most relays, CS:GO console, 2021',
  },
  {
    text: 'hkg=128+12/129+12,sgp=162+16/158+12,seo=267+26/165+12,tyo1=236+23/179+12,tyo=253+25/180+12,maa=327+32/191+12,bom=436+43/207+12,fra=232+23,dxb=341+34/233+12,ams=310+31/237+23,iad=365+36/318+23,gru=509+50/453+25',
    source: 'Reactive Drop lobby metadata, 2022',
  },
  {
    text: 'lhr=4+0,ams=13+1/10+0,par=17+1/12+0,lux=17+1,fra=18+1/18+0,sto=25+2,sto2=26+2,mad=27+2,vie=31+3/30+0,iad=90+9/75+0,sgp=173+17/174+17,gru=200+20/219+0',
    source: "Facepunch.Steamworks test fixture, a UK developer's location",
  },
  {
    text: 'lhr=19+1,ams=25+2/25+1,par=29+2,fra=31+3/30+1,lux=33+3,vie=44+4/41+1,waw=47+4/45+1,sto2=48+4/46+2,sto=50+5/46+2,iad=107+10/91+1,sgp=186+18,gru=252+25/234+1',
    source: "Facepunch.Steamworks test fixture, earlier version, a UK developer's location",
  },
  {
    text: 'lhr=7+0,ams=13+1/12+0,par=13+1,lux=24+2/18+1,fra=19+1,mad=29+2,vie=32+3/30+1,sto2=37+3/31+0,sto=33+3/32+0,iad=79+7,sgp=161+16/162+16,gru=200+20',
    source: 'Barotrauma client log, UK, September 2020',
  },
  {
    text: 'lhr=8+0,ams=13+1/13+0,par=14+1,fra=21+2/19+1,lux=24+2/19+1,mad=29+2,vie=30+3/30+1,sto2=37+3/32+0,sto=33+3/33+0,iad=80+8,sgp=161+16/162+16,gru=203+20',
    source: 'Barotrauma client log, UK, September 2020, a second report',
  },
  {
    text: 'lhr=7+0,ams=13+1/12+0,par=14+1,fra=19+1,lux=24+2/19+1,vie=30+3/30+1,mad=30+3,sto=33+3/32+0,sto2=38+3/32+0,iad=80+8,sgp=161+16/162+16,gru=209+20',
    source: 'Barotrauma client log, UK, October 2020',
  },
  {
    text: 'lax=10+1,sea=148+14/34+1,eat=148+14/38+1,okc=231+23/49+1,ord=183+18/56+1,iad=214+21/72+1,atl=214+21/75+1,tyo1=144+14/128+1,fra=176+17/150+1,lhr=143+14/152+1,gru=179+17/189+1,sgp=202+20/215+1',
    source: 'Barotrauma client log, Los Angeles, 2020',
  },
  {
    text: 'lax=27+2,sea=36+3,eat=/36+3,dfw=54+5,atl=64+6,ord=67+6,iad=82+8/77+6,tyo=126+12,tyo1=127+12/126+12,fra=167+16/162+6,sgp=187+18/188+18,gru=195+19/195+6',
    source: 'Barotrauma client log, US west, 2021',
  },
  {
    text: 'hkg=103+10,sgp=138+13/133+10,tyo1=138+13,tyo=165+16/138+13,maa=440+44/165+10,bom=408+40/183+10,dxb=226+22/208+10,syd=225+22/220+20,sea=235+23,fra=284+28/266+25,iad=293+29/294+27,gru=449+44/423+27',
    source: 'Barotrauma client log, Hong Kong area, 2021',
  },
  {
    text: 'sto=76+7,sto2=77+7/76+7,fra=90+9,ams=100+10/96+7,waw=119+11/97+7,par=121+12/99+9,lhr=105+10/101+7,vie=106+10/102+9,mad=129+12/120+9,iad=191+19/175+9,sgp=342+34/287+25,gru=293+29',
    source: 'Barotrauma client log, Sweden, 2022',
  },
];

/** The real string whose source matches `pattern` (exactly one must). */
export function realPingLocation(pattern: RegExp): string {
  const found = REAL_PING_LOCATIONS.filter(({ source }) => pattern.test(source));
  if (found.length !== 1) {
    throw new Error(`${found.length} real ping locations match ${String(pattern)}; expected 1`);
  }
  return found[0]!.text;
}
