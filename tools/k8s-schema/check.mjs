// Checks every manifest in the given folder (default deploy/k8s) against the Kubernetes API schemas: the validators that
// kubernetes-models generates from the Kubernetes OpenAPI spec (types, required fields, enums, formats), and the model
// types of the official JavaScript client (@kubernetes/client-node, also generated from that spec) for unknown fields,
// as kubeconform -strict would (kubeconform itself is not in the reachable registries). Then the house rules for the
// API's Deployment. Exit code 1 on any finding.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
// The generated models only: the package's main entry also loads an HTTP client that needs a newer Node.js than CI has.
import * as types from "@kubernetes/client-node/dist/gen/models/all.js";

const folder = process.argv[2] ?? "deploy/k8s";
const findings = [];
const objects = [];

for (const file of readdirSync(folder).filter((f) => /\.ya?ml$/.test(f)).sort()) {
  for (const document of parseAllDocuments(readFileSync(join(folder, file), "utf8"))) {
    if (document.errors.length > 0) {
      findings.push(`${file}: YAML: ${document.errors.map((e) => e.message).join("; ")}`);
      continue;
    }
    const object = document.toJS();
    if (object === null) continue;
    const where = `${file}: ${object.kind}/${object.metadata?.name}`;
    const [group, version] = object.apiVersion.includes("/") ? object.apiVersion.split("/") : [null, object.apiVersion];
    let models;
    try {
      models = await import(`kubernetes-models/${group ? `${group}/` : ""}${version}`);
    } catch {
      findings.push(`${where}: unknown apiVersion ${object.apiVersion}`);
      continue;
    }
    const Model = models[object.kind];
    if (!Model) {
      findings.push(`${where}: ${object.apiVersion} has no kind ${object.kind}`);
      continue;
    }
    try {
      new Model(object).validate();
      objects.push({ where, object });
    } catch (error) {
      findings.push(`${where}: ${error.message}`);
    }
    const root = version[0].toUpperCase() + version.slice(1) + object.kind;
    if (types[root]) unknownFields(object, root, "", (path) => findings.push(`${where}: unknown field ${path}`));
    else findings.push(`${where}: no client model ${root} to check fields against`);
  }
}

/** Reports every key that the type (a client model name, "Array<T>" or "{ [key: string]: T; }") does not have. */
function unknownFields(value, type, path, report) {
  if (value === null || typeof value !== "object") return;
  const array = /^Array<(.+)>$/.exec(type);
  if (array) return value.forEach((v, i) => unknownFields(v, array[1], `${path}[${i}]`, report));
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) return Object.entries(value).forEach(([k, v]) => unknownFields(v, map[1], `${path}.${k}`, report));
  const attributes = types[type]?.getAttributeTypeMap?.();
  if (!attributes) return;
  for (const [key, v] of Object.entries(value)) {
    const attribute = attributes.find((a) => a.baseName === key);
    if (!attribute) report(`${path}.${key}`);
    else unknownFields(v, attribute.type, `${path}.${key}`, report);
  }
}

// House rules: secrets are referenced, never inlined; the API runs at least twice, probed, bounded and locked down.
for (const { where, object } of objects) {
  if (object.kind === "Secret" && (object.data || object.stringData)) findings.push(`${where}: a Secret with values in the repository`);
  if (object.kind !== "Deployment") continue;
  const pod = object.spec.template.spec;
  if ((object.spec.replicas ?? 1) < 2) findings.push(`${where}: fewer than 2 replicas`);
  if (pod.securityContext?.runAsNonRoot !== true) findings.push(`${where}: pod not runAsNonRoot`);
  for (const c of pod.containers) {
    const at = `${where} container ${c.name}`;
    if (!c.readinessProbe || !c.livenessProbe) findings.push(`${at}: readiness and liveness probes required`);
    if (!c.resources?.requests || !c.resources?.limits) findings.push(`${at}: resource requests and limits required`);
    if (c.securityContext?.readOnlyRootFilesystem !== true) findings.push(`${at}: root filesystem not read-only`);
    if (c.securityContext?.allowPrivilegeEscalation !== false) findings.push(`${at}: privilege escalation not off`);
    for (const e of c.env ?? []) {
      if (/(connection|sleutel|key|secret|password)/i.test(e.name) && e.value !== undefined) findings.push(`${at}: ${e.name} inlined; reference a Secret`);
    }
  }
}

for (const finding of findings) console.error(finding);
console.log(`${objects.length} manifests checked against the Kubernetes schemas (kubernetes-models, @kubernetes/client-node models) and the house rules: ${findings.length} findings`);
process.exit(findings.length === 0 ? 0 : 1);
