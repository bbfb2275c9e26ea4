import { kindOf, type Kind } from '../lib/kinds';
import { ball, bear, books, car, drawingOf, laptop, perfume, shirt, sofa, type Draw, type Drawing } from './illustrations';

/**
 * One drawing per kind of product (see `lib/kinds.ts`), in the style of the category drawings:
 * the object centred in a 160×120 box, its outline and main surfaces in the palette's `fg`,
 * highlights in `accent`, cut-outs in `bg`. Presentation attributes only.
 */

const phone: Draw = (c) => (
  <>
    <rect x="62" y="24" width="36" height="70" rx="6" fill={c.fg} />
    <rect x="66" y="31" width="28" height="52" rx="2" fill={c.accent} />
    <circle cx="80" cy="27.5" r="1.5" fill={c.bg} />
    <rect x="74" y="87" width="12" height="3" rx="1.5" fill={c.bg} />
    <path d="M71 42h18M71 50h12M71 58h15" stroke={c.bg} strokeWidth="3.5" strokeLinecap="round" />
  </>
);

const headphones: Draw = (c) => (
  <>
    <path d="M47 72V62a33 33 0 0 1 66 0v10" stroke={c.fg} strokeWidth="7" fill="none" strokeLinecap="round" />
    <rect x="38" y="60" width="18" height="32" rx="8" fill={c.fg} />
    <rect x="104" y="60" width="18" height="32" rx="8" fill={c.fg} />
    <rect x="53" y="65" width="7" height="22" rx="3.5" fill={c.accent} />
    <rect x="100" y="65" width="7" height="22" rx="3.5" fill={c.accent} />
  </>
);

const cable: Draw = (c) => (
  <>
    <path d="M44 84q-10-26 14-30t18 16 22 4 6-24" stroke={c.fg} strokeWidth="5" fill="none" strokeLinecap="round" />
    <rect x="96" y="30" width="16" height="22" rx="4" fill={c.fg} />
    <rect x="99" y="22" width="10" height="9" rx="2" fill={c.accent} stroke={c.fg} strokeWidth="2" />
    <rect x="36" y="82" width="16" height="14" rx="4" fill={c.fg} />
    <rect x="39" y="95" width="10" height="4" rx="1" fill={c.accent} />
  </>
);

const tv: Draw = (c) => (
  <>
    <rect x="30" y="24" width="100" height="62" rx="4" fill={c.fg} />
    <rect x="35" y="29" width="90" height="52" rx="1" fill={c.accent} />
    <path d="M35 81l24-22 16 13 20-20 30 29z" fill={c.bg} />
    <circle cx="108" cy="42" r="6" fill={c.bg} />
    <path d="M72 86h16l4 8H68z" fill={c.fg} />
    <rect x="58" y="93" width="44" height="4" rx="2" fill={c.fg} />
  </>
);

const speaker: Draw = (c) => (
  <>
    <rect x="34" y="42" width="92" height="42" rx="21" fill={c.fg} />
    <rect x="52" y="46" width="56" height="34" rx="6" fill={c.accent} />
    <circle cx="80" cy="63" r="12" fill={c.fg} />
    <circle cx="80" cy="63" r="5" fill={c.accent} />
    <circle cx="43" cy="63" r="4" fill={c.accent} />
    <circle cx="117" cy="63" r="4" fill={c.accent} />
    <path d="M130 50q6 13 0 26M136 44q10 19 0 38" stroke={c.fg} strokeWidth="3" fill="none" strokeLinecap="round" />
  </>
);

const camera: Draw = (c) => (
  <>
    <path d="M58 42l6-11h26l6 11z" fill={c.fg} />
    <rect x="34" y="40" width="92" height="54" rx="8" fill={c.fg} />
    <circle cx="80" cy="67" r="20" fill={c.accent} stroke={c.bg} strokeWidth="4" />
    <circle cx="80" cy="67" r="9" fill={c.fg} />
    <circle cx="76" cy="63" r="3" fill={c.bg} />
    <rect x="106" y="46" width="12" height="7" rx="1.5" fill={c.accent} />
    <rect x="42" y="34" width="12" height="6" rx="1.5" fill={c.fg} />
  </>
);

const gamepad: Draw = (c) => (
  <>
    <circle cx="52" cy="78" r="14" fill={c.fg} />
    <circle cx="108" cy="78" r="14" fill={c.fg} />
    <rect x="36" y="42" width="88" height="36" rx="18" fill={c.fg} />
    <rect x="46" y="57" width="20" height="6" rx="1.5" fill={c.accent} />
    <rect x="53" y="50" width="6" height="20" rx="1.5" fill={c.accent} />
    <circle cx="104" cy="52" r="4" fill={c.accent} />
    <circle cx="113" cy="60" r="4" fill={c.accent} />
    <circle cx="104" cy="68" r="4" fill={c.accent} />
    <circle cx="95" cy="60" r="4" fill={c.accent} />
    <rect x="72" y="52" width="16" height="4" rx="2" fill={c.bg} />
  </>
);

const watch: Draw = (c) => (
  <>
    <rect x="68" y="22" width="24" height="78" rx="5" fill={c.accent} />
    <path d="M68 34h24M68 86h24" stroke={c.fg} strokeWidth="2" />
    <circle cx="80" cy="60" r="23" fill={c.fg} />
    <circle cx="80" cy="60" r="17" fill={c.bg} />
    <path d="M80 60V47M80 60l9 5" stroke={c.fg} strokeWidth="3" strokeLinecap="round" />
    <rect x="102" y="55" width="6" height="10" rx="2" fill={c.fg} />
  </>
);

const blender: Draw = (c) => (
  <>
    <path d="M100 36h8q4 0 4 4v18q0 4-4 4h-8" stroke={c.fg} strokeWidth="4" fill="none" />
    <path d="M58 30h44l-6 44H64z" fill={c.accent} stroke={c.fg} strokeWidth="3" strokeLinejoin="round" />
    <path d="M62 52h36" stroke={c.bg} strokeWidth="3" />
    <path d="M70 68l10-5 10 5" stroke={c.fg} strokeWidth="3" fill="none" strokeLinecap="round" />
    <rect x="55" y="24" width="50" height="8" rx="2" fill={c.fg} />
    <path d="M62 74h36l6 22H56z" fill={c.fg} />
    <circle cx="80" cy="86" r="4.5" fill={c.accent} />
  </>
);

const pot: Draw = (c) => (
  <>
    <rect x="30" y="56" width="16" height="7" rx="3.5" fill={c.fg} />
    <rect x="114" y="56" width="16" height="7" rx="3.5" fill={c.fg} />
    <rect x="42" y="50" width="76" height="44" rx="8" fill={c.fg} />
    <path d="M40 52q40-24 80 0z" fill={c.accent} stroke={c.fg} strokeWidth="3" strokeLinejoin="round" />
    <rect x="73" y="32" width="14" height="7" rx="3.5" fill={c.fg} />
    <rect x="66" y="66" width="28" height="12" rx="3" fill={c.accent} />
    <circle cx="73" cy="72" r="2" fill={c.fg} />
  </>
);

const coffeeMaker: Draw = (c) => (
  <>
    <path d="M46 24h60v14H70v44h36v14H46z" fill={c.fg} />
    <rect x="54" y="30" width="10" height="4" rx="2" fill={c.accent} />
    <circle cx="58" cy="84" r="3.5" fill={c.accent} />
    <path d="M102 58h6v16h-6" stroke={c.fg} strokeWidth="3" fill="none" />
    <path d="M74 52h28l2 26q0 6-6 6H78q-6 0-6-6z" fill={c.accent} stroke={c.fg} strokeWidth="3" strokeLinejoin="round" />
    <path d="M74 66h28v12q0 4-4 4H78q-4 0-4-4z" fill={c.fg} />
    <path d="M88 40v8" stroke={c.fg} strokeWidth="3" strokeLinecap="round" />
  </>
);

const airFryer: Draw = (c) => (
  <>
    <rect x="46" y="28" width="68" height="66" rx="18" fill={c.fg} />
    <rect x="64" y="36" width="32" height="14" rx="4" fill={c.accent} />
    <circle cx="80" cy="43" r="3" fill={c.fg} />
    <rect x="52" y="58" width="56" height="30" rx="7" fill={c.accent} />
    <path d="M52 66h56" stroke={c.fg} strokeWidth="2" />
    <rect x="70" y="72" width="20" height="7" rx="3.5" fill={c.fg} />
  </>
);

const bed: Draw = (c) => (
  <>
    <rect x="32" y="36" width="11" height="58" rx="3" fill={c.fg} />
    <rect x="122" y="58" width="8" height="36" rx="3" fill={c.fg} />
    <rect x="40" y="64" width="86" height="18" rx="3" fill={c.accent} />
    <rect x="46" y="52" width="24" height="13" rx="6" fill={c.bg} stroke={c.fg} strokeWidth="2.5" />
    <path d="M74 58h50q2 0 2 2v22H74z" fill={c.fg} />
    <path d="M74 66h52" stroke={c.accent} strokeWidth="2.5" />
  </>
);

const pan: Draw = (c) => (
  <>
    <rect x="86" y="56" width="46" height="10" rx="5" fill={c.fg} />
    <circle cx="124" cy="61" r="2.5" fill={c.bg} />
    <circle cx="60" cy="61" r="29" fill={c.fg} />
    <circle cx="60" cy="61" r="22" fill={c.accent} />
    <path d="M46 54a16 16 0 0 1 12-9" stroke={c.bg} strokeWidth="3.5" fill="none" strokeLinecap="round" />
  </>
);

const fridge: Draw = (c) => (
  <>
    <rect x="54" y="20" width="52" height="76" rx="6" fill={c.fg} />
    <path d="M54 46h52" stroke={c.bg} strokeWidth="3" />
    <rect x="61" y="28" width="5" height="12" rx="2.5" fill={c.accent} />
    <rect x="61" y="53" width="5" height="22" rx="2.5" fill={c.accent} />
    <circle cx="94" cy="62" r="4" fill={c.accent} />
    <rect x="86" y="72" width="12" height="8" rx="1.5" fill={c.accent} />
    <rect x="58" y="96" width="6" height="3" fill={c.fg} />
    <rect x="96" y="96" width="6" height="3" fill={c.fg} />
  </>
);

const washer: Draw = (c) => (
  <>
    <rect x="48" y="22" width="64" height="74" rx="6" fill={c.fg} />
    <path d="M48 38h64" stroke={c.bg} strokeWidth="3" />
    <rect x="56" y="27" width="22" height="6" rx="2" fill={c.accent} />
    <circle cx="102" cy="30" r="4" fill={c.accent} />
    <circle cx="80" cy="67" r="21" fill={c.accent} stroke={c.bg} strokeWidth="3.5" />
    <circle cx="80" cy="67" r="13" fill={c.bg} />
    <path d="M67 70q6.5-5 13 0t13 0a13 13 0 0 1-26 0z" fill={c.accent} />
  </>
);

const chair: Draw = (c) => (
  <>
    <rect x="58" y="22" width="44" height="36" rx="9" fill={c.accent} stroke={c.fg} strokeWidth="3" />
    <path d="M54 50v12M106 50v12" stroke={c.fg} strokeWidth="4" strokeLinecap="round" />
    <rect x="52" y="60" width="56" height="10" rx="5" fill={c.fg} />
    <rect x="77" y="70" width="6" height="16" fill={c.fg} />
    <path d="M56 92l24-7 24 7" stroke={c.fg} strokeWidth="4" fill="none" strokeLinecap="round" strokeLinejoin="round" />
    <circle cx="56" cy="94" r="3.5" fill={c.fg} />
    <circle cx="104" cy="94" r="3.5" fill={c.fg} />
  </>
);

const table: Draw = (c) => (
  <>
    <path d="M74 46q-4-10 0-16h12q4 6 0 16z" fill={c.accent} stroke={c.fg} strokeWidth="2.5" strokeLinejoin="round" />
    <path d="M80 30q-2-8 4-12M80 30q4-6 10-6" stroke={c.fg} strokeWidth="2.5" fill="none" strokeLinecap="round" />
    <rect x="30" y="46" width="100" height="9" rx="2" fill={c.fg} />
    <rect x="44" y="55" width="72" height="7" fill={c.accent} />
    <rect x="38" y="55" width="7" height="40" rx="1.5" fill={c.fg} />
    <rect x="115" y="55" width="7" height="40" rx="1.5" fill={c.fg} />
  </>
);

const shoeWith = (studs: boolean): Draw =>
  function shoeDrawing(c) {
    return (
      <>
        <path d="M32 86V72q0-6 7-8l21-6 12-15q4-4 10-2l10 8q10 8 24 10l16 4q9 2 9 11v12z" fill={c.fg} />
        <rect x="28" y="82" width="106" height="9" rx="4" fill={c.accent} stroke={c.fg} strokeWidth="2.5" />
        <path d="M68 52l9 5M73 46l9 5M63 58l9 5" stroke={c.bg} strokeWidth="3" strokeLinecap="round" />
        <path d="M80 72q16 5 30-4" stroke={c.accent} strokeWidth="4" fill="none" strokeLinecap="round" />
        {studs && <path d="M42 91v6M60 91v6M98 91v6M114 91v6M124 91v6" stroke={c.fg} strokeWidth="5" />}
      </>
    );
  };

const jeans: Draw = (c) => (
  <>
    <path d="M52 24h56l6 72H90l-10-46-10 46H46z" fill={c.fg} />
    <path d="M52 33h56" stroke={c.accent} strokeWidth="2.5" />
    <path d="M80 33v16M58 40q6 7 13 1M89 41q7 6 13-1" stroke={c.accent} strokeWidth="2" fill="none" strokeLinecap="round" />
    <rect x="77" y="26" width="6" height="5" rx="1" fill={c.accent} />
  </>
);

const jacket: Draw = (c) => (
  <>
    <rect x="34" y="36" width="18" height="56" rx="7" fill={c.fg} />
    <rect x="108" y="36" width="18" height="56" rx="7" fill={c.fg} />
    <rect x="48" y="28" width="64" height="66" rx="6" fill={c.fg} />
    <path d="M62 28l18 15 18-15" stroke={c.accent} strokeWidth="4" fill="none" strokeLinejoin="round" />
    <path d="M80 43v51" stroke={c.accent} strokeWidth="3" />
    <rect x="56" y="68" width="15" height="4" rx="2" fill={c.accent} />
    <rect x="89" y="68" width="15" height="4" rx="2" fill={c.accent} />
    <path d="M34 84h18M108 84h18" stroke={c.accent} strokeWidth="3" />
  </>
);

const backpack: Draw = (c) => (
  <>
    <path d="M70 36q10-16 20 0" stroke={c.fg} strokeWidth="4" fill="none" />
    <rect x="42" y="46" width="8" height="38" rx="4" fill={c.accent} stroke={c.fg} strokeWidth="2" />
    <rect x="110" y="46" width="8" height="38" rx="4" fill={c.accent} stroke={c.fg} strokeWidth="2" />
    <rect x="48" y="32" width="64" height="64" rx="16" fill={c.fg} />
    <path d="M52 52q28-10 56 0" stroke={c.accent} strokeWidth="3" fill="none" />
    <rect x="58" y="64" width="44" height="26" rx="7" fill={c.accent} />
    <path d="M64 71h32" stroke={c.fg} strokeWidth="2.5" strokeLinecap="round" />
  </>
);

const bag: Draw = (c) => (
  <>
    <path d="M56 50q24-50 48 0" stroke={c.fg} strokeWidth="4" fill="none" />
    <path d="M50 46h60l-4 44q0 5-5 5H59q-5 0-5-5z" fill={c.fg} />
    <path d="M53 56h54M54 80h52" stroke={c.accent} strokeWidth="3" />
    <path d="M56 72l6-8 6 8 6-8 6 8 6-8 6 8 6-8 6 8" stroke={c.accent} strokeWidth="2.5" fill="none" strokeLinejoin="round" />
    <path d="M60 95v5M68 95v5M76 95v5M84 95v5M92 95v5M100 95v5" stroke={c.fg} strokeWidth="2.5" />
  </>
);

const hat: Draw = (c) => (
  <>
    <ellipse cx="80" cy="78" rx="50" ry="14" fill={c.fg} />
    <ellipse cx="80" cy="78" rx="38" ry="8" fill="none" stroke={c.accent} strokeWidth="2.5" />
    <path d="M58 78q0-38 22-38t22 38z" fill={c.accent} stroke={c.fg} strokeWidth="3" strokeLinejoin="round" />
    <path d="M60 66h40M59 57h42M63 48h34" stroke={c.fg} strokeWidth="3" />
  </>
);

const bicycle: Draw = (c) => (
  <>
    <circle cx="48" cy="74" r="19" fill="none" stroke={c.fg} strokeWidth="5" />
    <circle cx="112" cy="74" r="19" fill="none" stroke={c.fg} strokeWidth="5" />
    <path
      d="M48 74h30l-8-28zM70 46h34M78 74l26-28 8 28"
      fill="none"
      stroke={c.fg}
      strokeWidth="4"
      strokeLinejoin="round"
      strokeLinecap="round"
    />
    <path d="M62 42h14M104 46l-3-9h9" stroke={c.fg} strokeWidth="4" fill="none" strokeLinecap="round" strokeLinejoin="round" />
    <circle cx="78" cy="74" r="5" fill={c.accent} stroke={c.fg} strokeWidth="2" />
    <circle cx="48" cy="74" r="3" fill={c.accent} />
    <circle cx="112" cy="74" r="3" fill={c.accent} />
  </>
);

const dumbbell: Draw = (c) => (
  <>
    <rect x="46" y="58" width="68" height="8" rx="3" fill={c.fg} />
    <rect x="34" y="42" width="12" height="40" rx="3" fill={c.fg} />
    <rect x="114" y="42" width="12" height="40" rx="3" fill={c.fg} />
    <rect x="47" y="48" width="9" height="28" rx="2" fill={c.accent} stroke={c.fg} strokeWidth="2" />
    <rect x="104" y="48" width="9" height="28" rx="2" fill={c.accent} stroke={c.fg} strokeWidth="2" />
    <path d="M70 58v8M80 58v8M90 58v8" stroke={c.accent} strokeWidth="2" />
  </>
);

const yogaMat: Draw = (c) => (
  <>
    <path d="M26 86h80v10H30q-4 0-4-4z" fill={c.accent} stroke={c.fg} strokeWidth="2.5" strokeLinejoin="round" />
    <circle cx="108" cy="72" r="24" fill={c.fg} />
    <path
      d="M108 72m-4 0a4 4 0 1 1 8 0a8 8 0 1 1-16 0a12 12 0 1 1 24 0a16 16 0 1 1-32 0"
      stroke={c.accent}
      strokeWidth="2.5"
      fill="none"
      strokeLinecap="round"
    />
    <path d="M97 49q-8-10-18-4" stroke={c.fg} strokeWidth="3" fill="none" strokeLinecap="round" />
  </>
);

const racket: Draw = (c) => (
  <>
    <g transform="rotate(-35 72 60)">
      <rect x="68" y="78" width="8" height="28" rx="4" fill={c.fg} />
      <path d="M66 74l6 6 6-6" stroke={c.fg} strokeWidth="4" fill="none" />
      <ellipse cx="72" cy="48" rx="21" ry="28" fill={c.accent} stroke={c.fg} strokeWidth="5" />
      <path d="M62 22v52M72 20v56M82 22v52M52 36h40M50 48h44M52 60h40" stroke={c.fg} strokeWidth="1.5" />
    </g>
    <circle cx="114" cy="84" r="10" fill={c.accent} stroke={c.fg} strokeWidth="2.5" />
    <path d="M105 80q9 2 10 13M113 74q2 9 10 12" stroke={c.fg} strokeWidth="2" fill="none" />
  </>
);

const treadmill: Draw = (c) => (
  <>
    <path d="M110 82l10-48" stroke={c.fg} strokeWidth="6" strokeLinecap="round" />
    <path d="M118 44H92" stroke={c.fg} strokeWidth="4" strokeLinecap="round" />
    <rect x="104" y="24" width="28" height="13" rx="3" fill={c.fg} />
    <rect x="108" y="27" width="14" height="7" rx="1" fill={c.accent} />
    <rect x="28" y="78" width="98" height="12" rx="6" fill={c.fg} />
    <rect x="34" y="74" width="86" height="6" rx="3" fill={c.accent} />
    <circle cx="36" cy="84" r="3" fill={c.accent} />
    <circle cx="118" cy="84" r="3" fill={c.accent} />
  </>
);

const bricks: Draw = (c) => (
  <>
    <rect x="46" y="44" width="14" height="10" rx="2" fill={c.fg} />
    <rect x="66" y="44" width="14" height="10" rx="2" fill={c.fg} />
    <rect x="86" y="44" width="14" height="10" rx="2" fill={c.fg} />
    <rect x="106" y="44" width="14" height="10" rx="2" fill={c.fg} />
    <rect x="40" y="52" width="86" height="40" rx="3" fill={c.fg} />
    <path d="M47 46h12M67 46h12M87 46h12M107 46h12" stroke={c.accent} strokeWidth="2.5" strokeLinecap="round" />
    <rect x="48" y="60" width="6" height="24" rx="3" fill={c.accent} />
    <rect x="42" y="30" width="10" height="7" rx="1.5" fill={c.accent} stroke={c.fg} strokeWidth="2" />
    <rect x="38" y="36" width="36" height="16" rx="2" fill={c.accent} stroke={c.fg} strokeWidth="2.5" />
    <rect x="58" y="30" width="10" height="7" rx="1.5" fill={c.accent} stroke={c.fg} strokeWidth="2" />
  </>
);

const boardGame: Draw = (c) => (
  <>
    <rect x="34" y="28" width="80" height="64" rx="4" fill={c.fg} />
    <rect x="40" y="34" width="33" height="25" rx="1" fill={c.accent} />
    <rect x="75" y="61" width="33" height="25" rx="1" fill={c.accent} />
    <rect x="75" y="34" width="33" height="25" rx="1" fill={c.bg} />
    <rect x="40" y="61" width="33" height="25" rx="1" fill={c.bg} />
    <circle cx="56" cy="46" r="6" fill={c.fg} />
    <rect x="104" y="66" width="26" height="26" rx="5" fill={c.bg} stroke={c.fg} strokeWidth="3" />
    <circle cx="111" cy="73" r="2.5" fill={c.fg} />
    <circle cx="117" cy="79" r="2.5" fill={c.fg} />
    <circle cx="123" cy="85" r="2.5" fill={c.fg} />
  </>
);

const toyCar: Draw = (c) => (
  <>
    <path d="M112 50l12-24" stroke={c.fg} strokeWidth="2.5" strokeLinecap="round" />
    <circle cx="124" cy="26" r="3.5" fill={c.accent} stroke={c.fg} strokeWidth="2" />
    {car(c)}
  </>
);

const doll: Draw = (c) => (
  <>
    <path d="M64 44q-2-24 16-24t16 24v14l-6-4V40H70v14l-6 4z" fill={c.fg} />
    <circle cx="80" cy="40" r="12" fill={c.bg} stroke={c.fg} strokeWidth="3" />
    <path d="M68 36q8-10 24 0" stroke={c.fg} strokeWidth="5" fill="none" />
    <circle cx="75.5" cy="41" r="1.8" fill={c.fg} />
    <circle cx="84.5" cy="41" r="1.8" fill={c.fg} />
    <path d="M76 47q4 3 8 0" stroke={c.fg} strokeWidth="1.8" fill="none" strokeLinecap="round" />
    <path d="M70 60l-9 16M90 60l9 16" stroke={c.fg} strokeWidth="5" strokeLinecap="round" />
    <path d="M72 54h16l14 36H58z" fill={c.fg} />
    <path d="M62 82h36" stroke={c.accent} strokeWidth="3" />
    <circle cx="80" cy="62" r="3" fill={c.accent} />
    <path d="M73 90v8M87 90v8" stroke={c.fg} strokeWidth="5" />
  </>
);

const puzzle: Draw = (c) => (
  <>
    <rect x="80" y="32" width="34" height="30" fill={c.accent} stroke={c.bg} strokeWidth="2" />
    <rect x="46" y="62" width="34" height="30" fill={c.accent} stroke={c.bg} strokeWidth="2" />
    <rect x="46" y="32" width="34" height="30" fill={c.fg} stroke={c.bg} strokeWidth="2" />
    <circle cx="81" cy="47" r="6" fill={c.fg} />
    <circle cx="63" cy="62" r="6" fill={c.fg} />
    <rect x="86" y="68" width="34" height="30" fill={c.fg} stroke={c.bg} strokeWidth="2" transform="rotate(10 103 83)" />
    <circle cx="98" cy="66" r="6" fill={c.fg} />
  </>
);

const hairDryer: Draw = (c) => (
  <>
    <path d="M64 60h16l-5 34q0 3-3 3h-8q-3 0-3-3z" fill={c.fg} />
    <rect x="44" y="36" width="62" height="28" rx="14" fill={c.fg} />
    <rect x="102" y="40" width="18" height="20" rx="3" fill={c.fg} />
    <circle cx="58" cy="50" r="9" fill={c.accent} />
    <circle cx="58" cy="50" r="3.5" fill={c.fg} />
    <rect x="70" y="70" width="4" height="10" rx="2" fill={c.accent} />
    <path d="M126 42h8M128 50h8M126 58h8" stroke={c.accent} strokeWidth="3.5" strokeLinecap="round" />
  </>
);

const sunscreen: Draw = (c) => (
  <>
    <rect x="56" y="24" width="48" height="7" rx="2" fill={c.fg} />
    <path d="M58 31h44l-6 52H64z" fill={c.accent} stroke={c.fg} strokeWidth="3" strokeLinejoin="round" />
    <rect x="64" y="82" width="32" height="14" rx="3" fill={c.fg} />
    <circle cx="80" cy="54" r="7" fill={c.fg} />
    <path d="M80 40v4M80 64v4M66 54h4M90 54h4M70 44l3 3M87 61l3 3M90 44l-3 3M73 61l-3 3" stroke={c.fg} strokeWidth="2.5" strokeLinecap="round" />
  </>
);

const cream: Draw = (c) => (
  <>
    <rect x="48" y="38" width="64" height="16" rx="5" fill={c.fg} />
    <rect x="44" y="52" width="72" height="40" rx="12" fill={c.accent} stroke={c.fg} strokeWidth="3" />
    <rect x="58" y="63" width="44" height="16" rx="4" fill={c.fg} />
    <rect x="52" y="57" width="6" height="14" rx="3" fill={c.bg} />
    <path d="M74 38q6-14 16-8" stroke={c.accent} strokeWidth="3" fill="none" strokeLinecap="round" />
  </>
);

const straightener: Draw = (c) => (
  <>
    <path d="M44 94q-10 2-14-6" stroke={c.fg} strokeWidth="3" fill="none" strokeLinecap="round" />
    <path d="M46 90 100 30" stroke={c.fg} strokeWidth="11" strokeLinecap="round" />
    <path d="M46 90 114 46" stroke={c.fg} strokeWidth="11" strokeLinecap="round" />
    <path d="M72 62 98 33" stroke={c.accent} strokeWidth="4" strokeLinecap="round" />
    <path d="M78 70 111 49" stroke={c.accent} strokeWidth="4" strokeLinecap="round" />
    <circle cx="46" cy="90" r="7" fill={c.fg} stroke={c.bg} strokeWidth="2" />
  </>
);

const coffee: Draw = (c) => (
  <>
    <path d="M66 42q-6-6 0-12t0-12M82 42q-6-6 0-12t0-12" stroke={c.accent} strokeWidth="3" fill="none" strokeLinecap="round" />
    <ellipse cx="78" cy="91" rx="38" ry="6" fill={c.fg} />
    <path d="M104 56h6q9 0 9 9t-9 9h-8" stroke={c.fg} strokeWidth="5" fill="none" />
    <path d="M50 48h56v18q0 22-28 22T50 66z" fill={c.fg} />
    <ellipse cx="78" cy="50" rx="25" ry="4" fill={c.accent} />
    <ellipse cx="118" cy="94" rx="5" ry="3" fill={c.accent} stroke={c.fg} strokeWidth="1.5" />
  </>
);

const panela: Draw = (c) => (
  <>
    <path d="M40 56l14-14h66l-14 14z" fill={c.accent} stroke={c.fg} strokeWidth="3" strokeLinejoin="round" />
    <path d="M106 56l14-14v34l-14 14z" fill={c.fg} />
    <rect x="40" y="56" width="66" height="34" fill={c.fg} />
    <path d="M106 56v34" stroke={c.bg} strokeWidth="2" />
    <path d="M48 66h8M64 74h10M84 66h8M52 82h8M88 80h8" stroke={c.accent} strokeWidth="3" strokeLinecap="round" />
  </>
);

/** Guava paste: bars wrapped in a bijao leaf. */
const bocadillo: Draw = (c) => (
  <>
    <path d="M28 78q44-50 106-20-46 48-106 20z" fill={c.accent} stroke={c.fg} strokeWidth="2.5" strokeLinejoin="round" />
    <path d="M34 77q50-6 94-18" stroke={c.fg} strokeWidth="2" fill="none" />
    <rect x="50" y="50" width="28" height="20" rx="3" fill={c.fg} transform="rotate(-12 64 60)" />
    <rect x="84" y="46" width="28" height="20" rx="3" fill={c.fg} transform="rotate(-12 98 56)" />
    <path d="M56 56l20-4M90 49l20-4" stroke={c.bg} strokeWidth="2.5" strokeLinecap="round" />
  </>
);

const chocolate: Draw = (c) => (
  <>
    <rect x="44" y="30" width="72" height="60" rx="4" fill={c.fg} />
    <rect x="50" y="36" width="18" height="22" rx="2" fill={c.accent} />
    <rect x="71" y="36" width="18" height="22" rx="2" fill={c.accent} />
    <rect x="92" y="36" width="18" height="22" rx="2" fill={c.accent} />
    <path d="M44 62h72v24q0 4-4 4H48q-4 0-4-4z" fill={c.bg} stroke={c.fg} strokeWidth="3" />
    <path d="M44 62l10 6 10-6 10 6 10-6 10 6 10-6 10 6 6-4" stroke={c.fg} strokeWidth="2.5" fill="none" />
    <rect x="60" y="74" width="40" height="8" rx="4" fill={c.accent} />
  </>
);

const honey: Draw = (c) => (
  <>
    <rect x="56" y="30" width="48" height="12" rx="3" fill={c.fg} />
    <path d="M56 42h48q6 0 6 8v34q0 8-8 8H58q-8 0-8-8V50q0-8 6-8z" fill={c.accent} stroke={c.fg} strokeWidth="3" />
    <path d="M52 60h56v24q0 6-6 6H58q-6 0-6-6z" fill={c.fg} />
    <path d="M80 64l8 4.5v9L80 82l-8-4.5v-9z" fill={c.accent} />
    <path d="M104 36q4 8 0 14" stroke={c.fg} strokeWidth="3" fill="none" strokeLinecap="round" />
  </>
);

const motorcycle: Draw = (c) => (
  <>
    <circle cx="46" cy="78" r="16" fill="none" stroke={c.fg} strokeWidth="5" />
    <circle cx="114" cy="78" r="16" fill="none" stroke={c.fg} strokeWidth="5" />
    <circle cx="46" cy="78" r="4" fill={c.accent} />
    <circle cx="114" cy="78" r="4" fill={c.accent} />
    <path d="M46 78l18-16M114 78l-14-34" stroke={c.fg} strokeWidth="4" strokeLinecap="round" />
    <path d="M52 54h28l4 6H56z" fill={c.fg} />
    <path d="M78 50q6-6 18-2l2 12H82z" fill={c.fg} />
    <rect x="64" y="60" width="28" height="18" rx="4" fill={c.accent} stroke={c.fg} strokeWidth="2.5" />
    <path d="M92 70l18 8" stroke={c.fg} strokeWidth="4" strokeLinecap="round" />
    <path d="M56 82h26" stroke={c.accent} strokeWidth="4" strokeLinecap="round" />
    <path d="M94 40h12" stroke={c.fg} strokeWidth="4" strokeLinecap="round" />
    <circle cx="108" cy="52" r="4" fill={c.accent} stroke={c.fg} strokeWidth="2" />
  </>
);

const tire: Draw = (c) => (
  <>
    <circle cx="80" cy="60" r="34" fill={c.fg} />
    <circle cx="80" cy="60" r="30" fill="none" stroke={c.bg} strokeWidth="2.5" strokeDasharray="5 5" />
    <circle cx="80" cy="60" r="18" fill={c.accent} stroke={c.bg} strokeWidth="2" />
    <circle cx="80" cy="60" r="6" fill={c.fg} />
    <circle cx="80" cy="49" r="2.2" fill={c.fg} />
    <circle cx="90.5" cy="56.6" r="2.2" fill={c.fg} />
    <circle cx="86.5" cy="69" r="2.2" fill={c.fg} />
    <circle cx="73.5" cy="69" r="2.2" fill={c.fg} />
    <circle cx="69.5" cy="56.6" r="2.2" fill={c.fg} />
  </>
);

const helmet: Draw = (c) => (
  <>
    <path d="M44 84q0-52 42-52 32 0 36 40l-4 12z" fill={c.fg} />
    <path d="M84 52h34q4 10 2 22H90q-6 0-6-6z" fill={c.accent} stroke={c.fg} strokeWidth="2.5" />
    <path d="M60 40q-10 16-10 40" stroke={c.accent} strokeWidth="4" fill="none" strokeLinecap="round" />
    <rect x="42" y="82" width="78" height="8" rx="4" fill={c.accent} stroke={c.fg} strokeWidth="2.5" />
  </>
);

const battery: Draw = (c) => (
  <>
    <rect x="50" y="30" width="14" height="10" rx="1.5" fill={c.fg} />
    <rect x="96" y="30" width="14" height="10" rx="1.5" fill={c.fg} />
    <rect x="38" y="38" width="84" height="54" rx="5" fill={c.fg} />
    <rect x="38" y="38" width="84" height="10" rx="3" fill={c.accent} stroke={c.fg} strokeWidth="2" />
    <path d="M50 66h14M57 59v14M96 66h14" stroke={c.accent} strokeWidth="4" strokeLinecap="round" />
    <rect x="48" y="80" width="64" height="5" rx="2.5" fill={c.accent} />
  </>
);

const oil: Draw = (c) => (
  <>
    <rect x="54" y="20" width="20" height="7" rx="2" fill={c.accent} stroke={c.fg} strokeWidth="2" />
    <rect x="57" y="26" width="14" height="10" fill={c.fg} />
    <path d="M48 42q0-6 6-6h34l22 18v38q0 4-4 4H52q-4 0-4-4z" fill={c.fg} />
    <path d="M90 42h10l6 6v6" stroke={c.bg} strokeWidth="3" fill="none" />
    <rect x="56" y="56" width="44" height="30" rx="3" fill={c.accent} />
    <path d="M78 60q-7 9-7 14a7 7 0 0 0 14 0q0-5-7-14z" fill={c.fg} />
  </>
);

const guitar: Draw = (c) => (
  <g transform="rotate(40 80 62)">
    <rect x="76" y="6" width="8" height="50" rx="2" fill={c.fg} />
    <rect x="74" y="0" width="12" height="12" rx="3" fill={c.fg} />
    <circle cx="80" cy="62" r="15" fill={c.fg} />
    <circle cx="80" cy="86" r="20" fill={c.fg} />
    <circle cx="80" cy="68" r="6" fill={c.bg} />
    <rect x="71" y="88" width="18" height="4" rx="2" fill={c.accent} />
    <path d="M78.5 8v82M81.5 8v82" stroke={c.accent} strokeWidth="1" />
  </g>
);

const hammock: Draw = (c) => (
  <>
    <path d="M30 26v70M130 26v70" stroke={c.fg} strokeWidth="5" strokeLinecap="round" />
    <path d="M30 34l10 8M130 34l-10 8" stroke={c.fg} strokeWidth="2.5" />
    <path d="M40 42q40 56 80 0q-40 26-80 0z" fill={c.accent} stroke={c.fg} strokeWidth="3" strokeLinejoin="round" />
    <path d="M48 54q32 24 64 0M56 66q24 14 48 0" stroke={c.fg} strokeWidth="3" fill="none" />
    <path d="M62 78v8M70 81v8M80 82v8M90 81v8M98 78v8" stroke={c.fg} strokeWidth="2" />
  </>
);

/** What each kind shows. */
export const KIND_DRAWINGS: Record<Kind, Draw> = {
  phone,
  laptop,
  headphones,
  cable,
  tv,
  speaker,
  camera,
  console: gamepad,
  watch,
  blender,
  pot,
  coffeeMaker,
  airFryer,
  bed,
  pan,
  fridge,
  washer,
  sofa,
  chair,
  table,
  shoe: shoeWith(false),
  jeans,
  jacket,
  backpack,
  tshirt: shirt,
  bag,
  hat,
  book: books,
  bicycle,
  ball,
  cleats: shoeWith(true),
  dumbbell,
  yogaMat,
  racket,
  treadmill,
  bricks,
  boardGame,
  toyCar,
  doll,
  puzzle,
  teddy: bear,
  perfume,
  hairDryer,
  sunscreen,
  cream,
  straightener,
  coffee,
  panela,
  chocolate,
  honey,
  bocadillo,
  motorcycle,
  car,
  tire,
  helmet,
  battery,
  oil,
  guitar,
  hammock,
};

/** What to draw for a product: the kind its name says, else its category's object. */
export function drawingFor(name: string, category: string): Drawing & { said: Kind | null } {
  const kind = kindOf(name, category);
  return kind ? { kind, draw: KIND_DRAWINGS[kind], said: kind } : { ...drawingOf(category), said: null };
}
