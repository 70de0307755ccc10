/** A process key is the executable process's id: an XML name (letters, digits, `_`, `-`, `.`), not starting with a digit. */
export const processKeyPattern = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The minimal process a new definition starts from: start, one user task with a deadline, end. It has no diagram;
 * the modeler lays it out on opening.
 */
export function newProcessXml(key: string, name: string, taskName: string, startName: string, endName: string): string {
  if (!processKeyPattern.test(key)) throw new Error(`Not a process key: ${key}`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                  xmlns:sf="urn:shareflow:bpmn:1"
                  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                  id="${key}Definitions"
                  targetNamespace="urn:shareflow:processes">
  <bpmn:process id="${key}" name="${escapeXml(name)}" isExecutable="true">
    <bpmn:startEvent id="started" name="${escapeXml(startName)}" />
    <bpmn:userTask id="handle" name="${escapeXml(taskName)}" sf:candidateDepartment="\${providerDepartment}" sf:candidateRole="provider-reviewer" sf:dueDays="15" />
    <bpmn:endEvent id="ended" name="${escapeXml(endName)}" />
    <bpmn:sequenceFlow id="toHandle" sourceRef="started" targetRef="handle" />
    <bpmn:sequenceFlow id="toEnded" sourceRef="handle" targetRef="ended" />
  </bpmn:process>
</bpmn:definitions>
`;
}

/** Offers text as a file download. */
export function downloadText(fileName: string, text: string, type = 'application/xml') {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Reads a local file the user picked as text. */
export function readFileText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('The file cannot be read.'));
    reader.readAsText(file, 'utf-8');
  });
}
