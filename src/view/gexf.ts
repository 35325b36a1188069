// GEXF as Gephi and XML tools read it. graphology-gexf writes the viz namespace of its default GEXF 1.2 as
// `http:///www.gexf.net/1.1draft/viz` (three slashes, and the 1.1 draft): declare GEXF 1.2's own instead.
const BROKEN_VIZ = 'xmlns:viz="http:///www.gexf.net/1.1draft/viz"';
const VIZ_1_2 = 'xmlns:viz="http://www.gexf.net/1.2draft/viz"';

/** graphology-gexf's output with a well-formed viz namespace. */
export function fixGexfNamespaces(xml: string): string {
  return xml.replace(BROKEN_VIZ, VIZ_1_2);
}
