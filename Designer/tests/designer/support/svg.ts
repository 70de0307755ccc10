/**
 * Just enough SVG geometry for bpmn-js to import and render a diagram in jsdom, which lays nothing out: boxes are
 * empty, matrices are plain objects, transforms are remembered but not applied.
 */
class Matrix {
  constructor(public a = 1, public b = 0, public c = 0, public d = 1, public e = 0, public f = 0) {}
  multiply(m: Matrix) {
    return new Matrix(
      this.a * m.a + this.c * m.b, this.b * m.a + this.d * m.b,
      this.a * m.c + this.c * m.d, this.b * m.c + this.d * m.d,
      this.a * m.e + this.c * m.f + this.e, this.b * m.e + this.d * m.f + this.f,
    );
  }
  inverse() {
    const det = this.a * this.d - this.b * this.c || 1;
    return new Matrix(this.d / det, -this.b / det, -this.c / det, this.a / det, (this.c * this.f - this.d * this.e) / det, (this.b * this.e - this.a * this.f) / det);
  }
  translate(x: number, y: number) { return this.multiply(new Matrix(1, 0, 0, 1, x, y)); }
  scale(s: number) { return this.multiply(new Matrix(s, 0, 0, s, 0, 0)); }
  rotate() { return this; }
}

class Transform {
  type = 1;
  angle = 0;
  matrix = new Matrix();
  setMatrix(m: Matrix) { this.matrix = m; }
  setTranslate(x: number, y: number) { this.matrix = new Matrix(1, 0, 0, 1, x, y); }
  setScale(x: number, y: number) { this.matrix = new Matrix(x, 0, 0, y, 0, 0); }
  setRotate(angle: number) { this.angle = angle; }
}

class TransformList {
  items: Transform[] = [];
  get numberOfItems() { return this.items.length; }
  clear() { this.items = []; }
  initialize(t: Transform) { this.items = [t]; return t; }
  appendItem(t: Transform) { this.items.push(t); return t; }
  getItem(i: number) { return this.items[i]; }
  consolidate() { return this.items.length ? this.items.reduce((acc, t) => { const r = new Transform(); r.matrix = acc.matrix.multiply(t.matrix); return r; }) : null; }
  createSVGTransformFromMatrix(m: Matrix) { const t = new Transform(); t.matrix = m; return t; }
}

export function installSvgShims() {
  const g = globalThis as any;
  if (!g.CSS) g.CSS = {};
  if (!g.CSS.escape) g.CSS.escape = (text: string) => String(text).replace(/([^\w-])/g, '\\$1');
  g.HTMLCanvasElement.prototype.getContext = () => ({
    font: '',
    measureText: (text: string) => ({ width: text.length * 7, actualBoundingBoxAscent: 10, actualBoundingBoxDescent: 3 }),
  });
  const proto = g.SVGElement.prototype;
  if (!proto.getBBox) proto.getBBox = () => ({ x: 0, y: 0, width: 0, height: 0 });
  if (!proto.getScreenCTM) proto.getScreenCTM = () => new Matrix();
  if (!proto.getCTM) proto.getCTM = () => new Matrix();
  if (!proto.getComputedTextLength) proto.getComputedTextLength = () => 0;
  if (!Object.getOwnPropertyDescriptor(proto, 'transform')) {
    Object.defineProperty(proto, 'transform', {
      get() {
        if (!this.__transform) this.__transform = { baseVal: new TransformList() };
        return this.__transform;
      },
    });
  }
  g.requestAnimationFrame ??= (callback: (time: number) => void) => setTimeout(() => callback(Date.now()), 0);
  g.cancelAnimationFrame ??= (handle: number) => clearTimeout(handle);
  g.IntersectionObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
    takeRecords() { return []; }
  };
  g.SVGMatrix ??= Matrix;
  g.SVGTransform ??= Transform;
  const svg = g.SVGSVGElement.prototype;
  svg.createSVGMatrix = () => new Matrix();
  svg.createSVGTransform = () => new Transform();
  svg.createSVGTransformFromMatrix = (m: Matrix) => { const t = new Transform(); t.matrix = m; return t; };
  svg.createSVGPoint = () => ({ x: 0, y: 0, matrixTransform() { return this; } });
}
