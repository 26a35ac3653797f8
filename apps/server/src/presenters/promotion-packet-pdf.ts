import PDFDocument from "pdfkit";
import { formatGroup, formatNumber, type PromotionPacket } from "@ascent/core";

const MARGIN = 56;
const COLUMNS = [
  { label: "Competency", width: 150 },
  { label: "Expected", width: 52 },
  { label: "Observed", width: 52 },
  { label: "Status", width: 60 },
  { label: "Manager", width: 60 },
  { label: "Peers", width: 60 },
  { label: "Reports", width: 60 },
] as const;

/** The packet as a PDF set with PDFKit's built-in Helvetica: headings, the readiness table, the manager's case. */
export function renderPacketPdf(packet: PromotionPacket): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    info: { Title: `Promotion packet: ${packet.candidate.name}`, Author: "Ascent", Subject: packet.toLevel.name },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  doc.font("Helvetica-Bold").fontSize(18).text(`Promotion packet: ${packet.candidate.name}`);
  doc.moveDown(0.4).font("Helvetica").fontSize(10).fillColor("#333333");
  doc.text(`From ${packet.fromLevel?.name ?? "no level"} to ${packet.toLevel.name}`);
  doc.text(`Team: ${packet.candidate.team || "none recorded"}. Title: ${packet.candidate.title || "none recorded"}.`);
  doc.text(`Assembled ${packet.assembledAt.slice(0, 10)} from framework version ${packet.frameworkVersion}.`);
  doc.moveDown(0.6).font("Helvetica-Bold").fontSize(12).fillColor("#000000");
  doc.text(
    `Readiness for ${packet.toLevel.name}: ${(packet.readiness.score * 100).toFixed(0)}% (${packet.readiness.verdict})`,
  );
  doc.font("Helvetica").fontSize(9).fillColor("#555555");
  doc.text(
    `Peer and report groups count only with at least ${packet.readiness.k} raters; no individual answer is shown.`,
  );

  doc.moveDown(0.8);
  drawTable(doc, packet);

  heading(doc, "The manager's case");
  for (const competency of packet.competencies) {
    doc.font("Helvetica-Bold").fontSize(11).fillColor("#000000").text(competency.name);
    doc.font("Helvetica").fontSize(10).fillColor("#222222");
    doc.text(competency.managerCase.trim() || "Nothing written.", { paragraphGap: 4 });
    for (const evidence of competency.evidence) {
      doc.fontSize(9).fillColor("#555555").text(`Evidence, ${evidence.date}: ${evidence.title}`, { indent: 12 });
    }
    doc.moveDown(0.5);
  }

  heading(doc, "Achieved development goals");
  doc.font("Helvetica").fontSize(10).fillColor("#222222");
  if (packet.achievedGoals.length === 0) doc.text("None shared.");
  for (const goal of packet.achievedGoals) doc.text(`${goal.title} (${goal.achievedAt ?? "date not recorded"})`);

  heading(doc, "Career plan steps");
  doc.font("Helvetica").fontSize(10).fillColor("#222222");
  if (packet.planSteps.length === 0) doc.text("The career plan is not shared.");
  for (const step of packet.planSteps) {
    doc.text(`${step.isDone ? "Done" : "Open"}: ${step.text}${step.due ? ` (due ${step.due})` : ""}`);
  }

  heading(doc, "Calibration notes");
  doc.font("Helvetica").fontSize(10).fillColor("#222222");
  if (packet.calibrationNotes.length === 0) doc.text("No calibration adjustment.");
  for (const note of packet.calibrationNotes) doc.text(`${note.at}: ${note.change}. ${note.reason}`);

  doc.end();
  return done;
}

function heading(doc: PDFKit.PDFDocument, text: string): void {
  doc.moveDown(0.8).font("Helvetica-Bold").fontSize(13).fillColor("#000000").text(text, MARGIN);
  doc.moveDown(0.3);
}

function drawTable(doc: PDFKit.PDFDocument, packet: PromotionPacket): void {
  const row = (cells: string[], isHeader: boolean) => {
    const top = doc.y;
    doc
      .font(isHeader ? "Helvetica-Bold" : "Helvetica")
      .fontSize(8.5)
      .fillColor("#000000");
    const heights = cells.map((cell, i) => doc.heightOfString(cell, { width: COLUMNS[i]!.width - 6 }));
    const height = Math.max(...heights) + 6;
    if (top + height > doc.page.height - MARGIN) doc.addPage();
    const y = doc.y;
    let x = MARGIN;
    cells.forEach((cell, i) => {
      doc.text(cell, x + 3, y + 3, { width: COLUMNS[i]!.width - 6 });
      x += COLUMNS[i]!.width;
    });
    doc
      .moveTo(MARGIN, y + height)
      .lineTo(x, y + height)
      .strokeColor("#cccccc")
      .stroke();
    doc.x = MARGIN;
    doc.y = y + height;
  };
  row(
    COLUMNS.map((column) => column.label),
    true,
  );
  for (const c of packet.competencies) {
    row(
      [
        c.name,
        String(c.expected),
        formatNumber(c.observed),
        c.isCorroborated ? c.status : `${c.status}, uncorroborated`,
        formatGroup(c.groups.manager),
        formatGroup(c.groups.peer),
        formatGroup(c.groups.upward),
      ],
      false,
    );
  }
}
